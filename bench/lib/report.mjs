// Plain-text tables and the results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Left-aligned first column, right-aligned others. */
export function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row, r) => {
      const line = row
        .map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])))
        .join('   ');
      return r === 0 ? `${line}\n${'-'.repeat(line.length)}` : line;
    })
    .join('\n');
}

export const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const thousands = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
export const percent = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(0)}%` : 'n/a');
export const signed = (value, digits = 1) =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(digits)}` : 'n/a';

/** Writes bench/results/<name>-<timestamp>.json (or into $BENCH_RESULTS_DIR) and returns its path. */
export function writeResults(name, data) {
  // The smoke run (bench/smoke.mjs) gives each benchmark a folder of its own to find and check its one file.
  const folder = process.env.BENCH_RESULTS_DIR
    ? `${process.env.BENCH_RESULTS_DIR.replace(/\/$/, '')}/`
    : fileURLToPath(new URL('../results/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  const file = `${folder}${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
