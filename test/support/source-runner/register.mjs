// `node --import ./register.mjs app.ts`: runs the TypeScript sources as a real process (no bundle to build first).
// Synchronous hooks on the main thread: no loader thread to message per module, and the pid is the app's alone.
import { enableCompileCache, registerHooks } from 'node:module';
import { load, resolve } from './hooks.mjs';

// V8's code cache for node_modules and the compiled sources: each later process boots on less CPU.
enableCompileCache(new URL('../../../node_modules/.cache/node-compile-cache/', import.meta.url).pathname);
registerHooks({ resolve, load });
