import { readSlowSuites, slowFirst, type SuiteFacts } from './slow-first.js';

const suite = (path: string, facts: Partial<SuiteFacts> = {}): SuiteFacts => ({
  path,
  failed: false,
  project: 'unit',
  size: 1_000,
  ...facts,
});

describe('the slow-first test order', () => {
  it('starts last run’s failures, then known durations longest first, then the rest by project and size', () => {
    const order = slowFirst([
      suite('small-unit.spec.ts', { size: 10 }),
      suite('big-unit.spec.ts', { size: 9_000 }),
      suite('unknown.e2e-spec.ts', { project: 'e2e', size: 500 }),
      suite('quick-known.e2e-spec.ts', { project: 'e2e', seconds: 20 }),
      suite('failed.spec.ts', { failed: true, seconds: 1 }),
      suite('slow-known.e2e-spec.ts', { project: 'e2e', seconds: 170 }),
      suite('db.int-spec.ts', { project: 'integration', size: 100 }),
    ]).map((entry) => entry.path);
    expect(order).toEqual([
      'failed.spec.ts',
      'slow-known.e2e-spec.ts',
      'quick-known.e2e-spec.ts',
      'unknown.e2e-spec.ts',
      'db.int-spec.ts',
      'big-unit.spec.ts',
      'small-unit.spec.ts',
    ]);
  });

  it('reads `seconds path` lines and skips comments', () => {
    expect([
      ...readSlowSuites('# header\n 90 test/a.e2e-spec.ts\n12.5 test/b.e2e-spec.ts # note\n\nnot a line\n'),
    ]).toEqual([
      ['test/a.e2e-spec.ts', 90],
      ['test/b.e2e-spec.ts', 12.5],
    ]);
  });
});
