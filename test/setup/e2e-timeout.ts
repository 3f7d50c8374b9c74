import { jest } from '@jest/globals';

// A whole app per file under parallel load: a slow hook is not a hung one. (`testTimeout` is global
// only in Jest's config, so the e2e project sets its own here.)
jest.setTimeout(60_000);
