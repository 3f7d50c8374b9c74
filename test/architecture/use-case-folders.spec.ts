import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupedHandlerFiles } from './use-case-folders.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * One use case per folder (ADR 0019): `application/commands/<verb-noun>/<verb-noun>.handler.ts`, never
 * several handlers grouped in a `*.handlers.ts`. The last grouped files are gone, so a new one fails here.
 */
describe('use cases live one per folder', () => {
  it('finds no grouped *.handlers.ts in any library’s application layer', () => {
    expect(groupedHandlerFiles(root)).toEqual([]);
  });

  describe('on a planted tree', () => {
    let workspace: string;

    beforeAll(() => {
      workspace = mkdtempSync(join(tmpdir(), 'showrunner-use-case-folders-'));
      const plant = (path: string) => {
        mkdirSync(dirname(join(workspace, path)), { recursive: true });
        writeFileSync(join(workspace, path), 'export {};\n');
      };
      plant('libs/studio/src/application/commands/videos/video.handlers.ts');
      plant('libs/billing/src/application/catalog.handlers.ts');
      // Not grouped, or not in application/: left alone.
      plant('libs/studio/src/application/commands/create-video/create-video.handler.ts');
      plant('libs/studio/src/interface/http/legacy.handlers.ts');
      plant('libs/studio/src/application/commands/videos/video.handlers.spec.md');
    });

    afterAll(() => rmSync(workspace, { recursive: true, force: true }));

    it('catches a grouped handlers file at any depth of application/, and nothing else', () => {
      expect(groupedHandlerFiles(workspace)).toEqual([
        'libs/billing/src/application/catalog.handlers.ts',
        'libs/studio/src/application/commands/videos/video.handlers.ts',
      ]);
    });
  });
});
