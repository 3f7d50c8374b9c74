import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A grouped handlers file: several use cases sharing one file (ADR 0019 wants one folder per use case). */
const GROUPED_HANDLERS = /\.handlers\.ts$/;

/**
 * Every `*.handlers.ts` under `libs/<lib>/src/application/`, as paths relative to `root`
 * (forward slashes), sorted.
 */
export function groupedHandlerFiles(root: string): string[] {
  const libs = join(root, 'libs');
  if (!existsSync(libs)) return [];
  const found: string[] = [];
  for (const lib of readdirSync(libs, { withFileTypes: true })) {
    if (!lib.isDirectory()) continue;
    const application = join(libs, lib.name, 'src', 'application');
    if (!existsSync(application)) continue;
    for (const entry of readdirSync(application, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !GROUPED_HANDLERS.test(entry.name)) continue;
      const relative = join(entry.parentPath, entry.name).slice(root.length).replace(/\\/g, '/');
      found.push(relative.replace(/^\//, ''));
    }
  }
  return found.sort();
}
