#!/usr/bin/env node
// Supply-chain gate: `npm audit --omit=dev` must show no high or critical advisory unless
// audit-allowlist.json explains why it is not reachable (docs/adr/0050).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BLOCKING = new Set(['high', 'critical']);

/** The advisory id of a `via` entry: its GHSA id (from the URL) or npm's numeric source. */
function advisoryId(via) {
  const ghsa = /GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/i.exec(via.url ?? '');
  return ghsa ? ghsa[0] : String(via.source);
}

/**
 * Decides from `npm audit --json` output (parsed, or undefined when it was not JSON) and the allowlist.
 * Returns the exit code and the lines to print; never pretends a check ran when it did not.
 */
export function decide(report, allowlist, options = {}) {
  const lines = [];
  const problems = (allowlist ?? []).filter((entry) => !entry?.id || !entry?.reason?.trim());
  if (problems.length)
    return {
      code: 1,
      lines: ['FAILED: every audit-allowlist.json entry needs an `id` and a `reason` it is not reachable'],
    };
  const vulnerabilities = report?.vulnerabilities;
  if (!report || typeof vulnerabilities !== 'object' || vulnerabilities === null) {
    const why = report?.message ?? report?.error?.summary ?? 'no audit report';
    if (options.offlineOk)
      return { code: 0, lines: [`SKIPPED: audit endpoint unreachable (${why}); nothing was checked`] };
    return {
      code: 2,
      lines: [`FAILED: audit endpoint unreachable (${why}); set CI_AUDIT_OFFLINE_OK=1 to skip knowingly`],
    };
  }
  const allowed = new Map(allowlist.map((entry) => [entry.id.toLowerCase(), entry]));
  const blocking = [];
  for (const vulnerability of Object.values(vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const id = advisoryId(via);
      const entry = allowed.get(id.toLowerCase());
      if (entry) lines.push(`allowed ${via.severity} ${id} in ${via.name}: ${entry.reason}`);
      else
        blocking.push(
          `${via.severity} ${id} in ${via.name} (${via.range ?? 'any'}): ${via.title ?? ''} ${via.url ?? ''}`.trim(),
        );
    }
  }
  if (blocking.length) return { code: 1, lines: [...lines, 'FAILED: high or critical advisories:', ...blocking] };
  return { code: 0, lines: [...lines, 'PASSED: no high or critical advisory in production dependencies'] };
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const allowlist = JSON.parse(readFileSync(join(root, 'audit-allowlist.json'), 'utf8'));
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const { code, lines } = decide(report, allowlist, { offlineOk: process.env.CI_AUDIT_OFFLINE_OK === '1' });
  for (const line of lines) (code === 0 ? console.log : console.error)(`npm audit: ${line}`);
  process.exit(code);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
