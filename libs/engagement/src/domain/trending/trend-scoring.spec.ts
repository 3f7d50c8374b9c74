import {
  brigadedSignals,
  collapseBursts,
  decay,
  DEFAULT_KIND_WEIGHTS,
  rank,
  scoreSubjects,
  type TrendingRules,
  type TrendSignal,
} from './trend-scoring.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 3, 12);

const rules: TrendingRules = {
  halfLifeMs: 6 * HOUR,
  kindWeights: DEFAULT_KIND_WEIGHTS,
  trustWeights: [0.5, 0.75, 1, 1.25, 1.5],
  brigade: { windowMs: 15 * 60_000, minAccounts: 5, maxTrustLevel: 1, damping: 0.1 },
  minScore: 3,
};

const like = (subject: string, actorId: string, trustLevel: number, at = NOW): TrendSignal => ({
  subject,
  actorId,
  kind: 'like',
  trustLevel,
  at,
});

/** A small deterministic generator, so the property checks replay the same cases every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('trend scoring', () => {
  describe('decay', () => {
    it('halves a weight every half-life and never grows it', () => {
      expect(decay(0, HOUR)).toBe(1);
      expect(decay(-5 * HOUR, HOUR)).toBe(1);
      expect(decay(HOUR, HOUR)).toBeCloseTo(0.5, 12);
      expect(decay(3 * HOUR, HOUR)).toBeCloseTo(0.125, 12);
    });

    it('is monotonic, bounded by (0, 1] and multiplicative over consecutive ages (property)', () => {
      const next = random(7);
      for (let run = 0; run < 500; run += 1) {
        const halfLife = 1 + next() * 48 * HOUR;
        const a = next() * 10 * halfLife;
        const b = next() * 10 * halfLife;
        expect(decay(a, halfLife)).toBeGreaterThan(0);
        expect(decay(a, halfLife)).toBeLessThanOrEqual(1);
        if (a <= b) expect(decay(a, halfLife)).toBeGreaterThanOrEqual(decay(b, halfLife));
        expect(decay(a + b, halfLife)).toBeCloseTo(decay(a, halfLife) * decay(b, halfLife), 9);
      }
    });

    it('ranks a burst of recent likes above the same number of older likes', () => {
      const fresh = Array.from({ length: 6 }, (_, i) => like('fresh', `f${i}`, 2, NOW - HOUR));
      const old = Array.from({ length: 6 }, (_, i) => like('old', `o${i}`, 2, NOW - 20 * HOUR));
      const scores = scoreSubjects([...fresh, ...old], { ...rules, minScore: 0 }, NOW);
      expect(scores.get('fresh')).toBeGreaterThan(scores.get('old')!);
      expect(rank(scores, 10).map((entry) => entry.subject)).toEqual(['fresh', 'old']);
    });
  });

  describe('one account’s burst', () => {
    it('counts once per kind, keeping the latest', () => {
      const burst = Array.from({ length: 50 }, (_, i) => like('v', 'spammer', 2, NOW - i * 1_000));
      expect(collapseBursts(burst)).toEqual([like('v', 'spammer', 2, NOW)]);
      expect(scoreSubjects(burst, { ...rules, minScore: 0 }, NOW).get('v')).toBeCloseTo(1, 9);
    });

    it('never scores above the same signals with every repeat removed (property)', () => {
      const next = random(11);
      for (let run = 0; run < 200; run += 1) {
        const actors = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => `a${i}`);
        const signals = Array.from({ length: 1 + Math.floor(next() * 40) }, () =>
          like('v', actors[Math.floor(next() * actors.length)], Math.floor(next() * 5), NOW - next() * 20 * HOUR),
        );
        const open = { ...rules, minScore: 0 };
        const withRepeats = scoreSubjects(signals, open, NOW).get('v') ?? 0;
        const once = scoreSubjects(collapseBursts(signals), open, NOW).get('v') ?? 0;
        expect(withRepeats).toBeCloseTo(once, 9);
        expect(withRepeats).toBeLessThanOrEqual(actors.length * 1.5 + 1e-9);
      }
    });
  });

  describe('brigades', () => {
    const fresh = (subject: string, count: number, at = NOW, spacingMs = 1_000) =>
      Array.from({ length: count }, (_, i) => like(subject, `${subject}-fresh-${i}`, 0, at - i * spacingMs));
    const established = (subject: string, count: number) =>
      Array.from({ length: count }, (_, i) => like(subject, `${subject}-old-${i}`, 2, NOW - i * 1_000));

    it('flags many low-trust accounts acting together on one item, not fewer than the threshold', () => {
      expect(brigadedSignals(fresh('v', 5), rules.brigade).size).toBe(5);
      expect(brigadedSignals(fresh('v', 4), rules.brigade).size).toBe(0);
    });

    it('never flags established accounts, however many act at once', () => {
      expect(brigadedSignals(established('v', 50), rules.brigade).size).toBe(0);
    });

    it('does not flag low-trust accounts spread out in time', () => {
      const spread = fresh('v', 8, NOW, 40 * 60_000);
      expect(brigadedSignals(spread, rules.brigade).size).toBe(0);
    });

    it('keeps a brigade of N fresh accounts out of trending while N established accounts get in', () => {
      const scores = scoreSubjects([...fresh('brigaded', 8), ...established('organic', 8)], rules, NOW);
      expect(scores.has('brigaded')).toBe(false);
      expect(scores.get('organic')).toBeGreaterThanOrEqual(rules.minScore);
      // The same fresh accounts, undamped, would have trended: the damping is what keeps them out.
      const undamped = scoreSubjects(
        fresh('brigaded', 8),
        { ...rules, brigade: { ...rules.brigade, damping: 1 } },
        NOW,
      );
      expect(undamped.get('brigaded')).toBeGreaterThanOrEqual(rules.minScore);
    });

    it('scores a subject no higher when more low-trust accounts join a brigade than the damped sum allows (property)', () => {
      const next = random(23);
      for (let run = 0; run < 200; run += 1) {
        const count = rules.brigade.minAccounts + Math.floor(next() * 200);
        const signals = fresh('v', count, NOW, Math.floor(next() * 1_000));
        const score = scoreSubjects(signals, { ...rules, minScore: 0 }, NOW).get('v') ?? 0;
        expect(score).toBeLessThanOrEqual(count * 0.5 * rules.brigade.damping + 1e-9);
      }
    });
  });

  it('weights by trust: a higher level never scores less than a lower one for the same action (property)', () => {
    const next = random(31);
    for (let run = 0; run < 200; run += 1) {
      const low = Math.floor(next() * 5);
      const high = low + Math.floor(next() * (5 - low));
      const at = NOW - next() * 10 * HOUR;
      const open = { ...rules, minScore: 0 };
      const lowScore = scoreSubjects([like('v', 'a', low, at)], open, NOW).get('v')!;
      const highScore = scoreSubjects([like('v', 'a', high, at)], open, NOW).get('v')!;
      expect(highScore).toBeGreaterThanOrEqual(lowScore);
    }
  });

  it('leaves subjects below the minimum score out and ranks ties by subject', () => {
    const scores = scoreSubjects(
      [...['x', 'y', 'z'].flatMap((actor) => [like('b', actor, 2), like('a', actor, 2)]), like('c', 'x', 2)],
      rules,
      NOW,
    );
    expect([...scores.keys()].sort()).toEqual(['a', 'b']);
    expect(rank(scores, 1)).toEqual([{ subject: 'a', score: 3 }]);
  });
});
