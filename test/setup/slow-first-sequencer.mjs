// Jest orders files by the durations in its cache; a fresh clone (CI) has none, so Jest falls back to file
// size and a two-minute suite can start last. This sequencer also reads the committed list of slow suites.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import TestSequencer from '@jest/test-sequencer';
import { tsImport } from 'tsx/esm/api';

const { readSlowSuites, slowFirst } = await tsImport('./slow-first.ts', import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const listed = readSlowSuites(readFileSync(resolve(import.meta.dirname, 'slow-suites.txt'), 'utf8'));

export default class SlowFirstSequencer extends TestSequencer {
  sort(tests) {
    const facts = tests.map((test) => {
      const path = relative(root, test.path);
      const cached = this.time(test); // milliseconds of this machine's last run, when Jest has a cache
      return {
        test,
        path,
        failed: this.hasFailed(test),
        seconds: cached != null ? cached / 1000 : listed.get(path),
        project: test.context.config.displayName?.name ?? '',
        size: test.context.hasteFS.getSize(test.path) ?? 0,
      };
    });
    return slowFirst(facts).map((fact) => fact.test);
  }
}
