// Synchronous module hooks (module.registerHooks, in the app's own thread): tsconfig path aliases, `.js` specifiers
// of `.ts` files, and swc (decorator metadata, like Jest).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import swc from '@swc/core';

const root = new URL('../../../', import.meta.url);
const tsconfig = JSON.parse(readFileSync(new URL('tsconfig.json', root), 'utf8'));
const aliases = new Map(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [alias, new URL(target, root).href]),
);

export function resolve(specifier, context, next) {
  const alias = aliases.get(specifier);
  if (alias) return { url: alias, shortCircuit: true };
  if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

// Compiled files are kept by content hash: every process a test starts after the first loads in seconds.
const cache = new URL('node_modules/.cache/source-runner/', root);
mkdirSync(cache, { recursive: true });

export function load(url, context, next) {
  if (!url.endsWith('.ts') || url.includes('/node_modules/')) return next(url, context);
  const path = fileURLToPath(url);
  const text = readFileSync(path, 'utf8');
  const cached = new URL(`${createHash('sha1').update(path).update('\0').update(text).digest('hex')}.js`, cache);
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  const { code } = swc.transformSync(text, {
    filename: path,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  });
  // Written aside and renamed: processes started together compile the same files, and none may read a half-written one.
  const partial = new URL(`${cached.href}.${process.pid}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(partial, code);
  renameSync(partial, cached);
  return { format: 'module', source: code, shortCircuit: true };
}
