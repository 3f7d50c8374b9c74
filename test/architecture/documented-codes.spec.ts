import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findErrorCodes, readLibrarySources } from './error-codes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Backticked names in prose that read like an error code, an event type or a queue: `studio.video.not-found`. */
const CODE_LIKE =
  /`((?:identity|billing|studio|engagement|insights|trust-safety|ads|auth|http|validation|search|socket)\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)`/g;

/** The READMEs and guides clients and engineers read; ADRs are history and may name retired codes. */
function documentation(): Array<{ path: string; text: string }> {
  const files = [join(root, 'README.md')];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(join(root, 'libs'));
  return files.map((full) => ({ path: relative(root, full), text: readFileSync(full, 'utf8') }));
}

/** Names the documentation uses that no source file spells: `path: name` for each. */
export function undocumentedNames(
  docs: Array<{ path: string; text: string }>,
  sources: Array<{ text: string }>,
  codes: Set<string>,
): string[] {
  const literals = new Set<string>();
  for (const { text } of sources)
    for (const [, value] of text.matchAll(/['"`]([a-z0-9.-]+)['"`]/g)) literals.add(value);
  const missing: string[] = [];
  for (const { path, text } of docs) {
    const lines = text.split('\n');
    for (const [index, line] of lines.entries()) {
      // Retired names stay in a sentence about their renaming (this line or the next says "renamed").
      if (/\brenamed\b/.test(`${line} ${lines[index + 1] ?? ''}`)) continue;
      for (const [, name] of line.matchAll(CODE_LIKE)) {
        // Codes and event types are kebab-case or versioned; `socket.data.principal` or a table name is prose.
        if (!name.includes('-') && !/\.v\d+$/.test(name)) continue;
        if (/\.(ts|js|cjs|mjs|json|md)$/.test(name)) continue; // a file name
        if (!codes.has(name) && !literals.has(name)) missing.push(`${path}: ${name}`);
      }
    }
  }
  return missing;
}

describe('the documentation names only codes, events and queues the code really has', () => {
  const sources = readLibrarySources(root);
  const codes = new Set(findErrorCodes(sources).map((found) => found.code));

  it('finds every documented name in the sources', () => {
    expect(undocumentedNames(documentation(), sources, codes)).toEqual([]);
  });

  it('bites on a misspelt code', () => {
    const docs = [
      { path: 'libs/studio/PLANTED.md', text: '403 `studio.channel-role-required`, 404 `studio.video.not-found`' },
    ];
    expect(undocumentedNames(docs, sources, codes)).toEqual(['libs/studio/PLANTED.md: studio.channel-role-required']);
  });
});
