// `node --import ./register.mjs app.ts`: runs the TypeScript sources as a real process (no bundle to build first).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
