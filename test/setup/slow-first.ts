/** What the sequencer knows of one test file. */
export interface SuiteFacts {
  /** Relative to the repository root. */
  path: string;
  /** It failed in Jest's last cached run. */
  failed: boolean;
  /** Its last duration, from Jest's cache or else from test/setup/slow-suites.txt. */
  seconds?: number;
  /** The Jest project: 'unit', 'integration' or 'e2e'. */
  project: string;
  size: number;
}

/** `seconds path` lines (`#` starts a comment), as test/setup/slow-suites.txt keeps them. */
export function readSlowSuites(text: string): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+(?:\.\d+)?)\s+(\S+)\s*$/.exec(line.replace(/#.*/, ''));
    if (match) seconds.set(match[2], Number(match[1]));
  }
  return seconds;
}

// With no known duration, an e2e file (an app, real services) usually outlasts an integration or unit file.
const PROJECT_WEIGHT: Record<string, number> = { e2e: 2, integration: 1 };

/**
 * The order to start files in: last run's failures, then the known durations longest first (so the long
 * tail does not start last), then the unknown files by project and size (Jest's own fallback).
 */
export function slowFirst<T extends SuiteFacts>(suites: T[]): T[] {
  const weight = (suite: SuiteFacts) => PROJECT_WEIGHT[suite.project] ?? 0;
  return [...suites].sort(
    (a, b) =>
      Number(b.failed) - Number(a.failed) ||
      Number(b.seconds !== undefined) - Number(a.seconds !== undefined) ||
      (b.seconds ?? 0) - (a.seconds ?? 0) ||
      weight(b) - weight(a) ||
      b.size - a.size,
  );
}
