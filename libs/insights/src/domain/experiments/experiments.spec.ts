import { analyseExperiment, type ArmCounts } from './analysis.js';
import type { ValidClientEvent } from '../client-event.js';
import { readTrackedEvent } from './tracked-event.js';
import { armFor, bucketOf, checkArms, checkDesign, Experiment, BUCKETS, subjectKey } from './experiment.js';
import { normalCdf, normalQuantile, sampleSizePerArm, twoProportionTest, wilsonInterval } from './statistics.js';

/** mulberry32: a small seeded generator, so every simulation below is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const binomial = (random: () => number, n: number, p: number) => {
  let successes = 0;
  for (let i = 0; i < n; i += 1) if (random() < p) successes += 1;
  return successes;
};

const counts = (arm: string, exposures: number, clicks: number): ArmCounts => ({
  arm,
  exposures,
  conversions: { click: clicks, watch_start: 0, completion: 0, subscription: 0 },
});

const design = checkDesign({ plannedExposuresPerArm: 1_000 });
const twoArms = checkArms([
  { key: 'control', percent: 50 },
  { key: 'hybrid', percent: 50 },
]);

describe('normal distribution', () => {
  it('matches tabulated values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.575829)).toBeCloseTo(0.005, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe('two proportions', () => {
  it('computes the Wilson interval (10 of 100: [0.0552, 0.1744])', () => {
    const ci = wilsonInterval(10, 100);
    expect(ci.low).toBeCloseTo(0.0552, 3);
    expect(ci.high).toBeCloseTo(0.1744, 3);
    expect(wilsonInterval(0, 50).low).toBe(0);
  });

  it('computes the pooled z-test (100/1000 vs 130/1000: z ≈ 2.098, p ≈ 0.0359)', () => {
    const test = twoProportionTest({ successes: 100, n: 1000 }, { successes: 130, n: 1000 });
    expect(test.difference).toBeCloseTo(0.03, 10);
    expect(test.z).toBeCloseTo(2.098, 2);
    expect(test.pValue).toBeCloseTo(0.0359, 3);
    expect(test.significant).toBe(true);
    expect(test.interval.low).toBeGreaterThan(0);
    expect(twoProportionTest({ successes: 100, n: 1000 }, { successes: 110, n: 1000 }).significant).toBe(false);
  });

  it('plans the sample size of the usual calculators (10% → 12%: 3,841 per arm)', () => {
    expect(sampleSizePerArm(0.1, 0.02)).toBeGreaterThanOrEqual(3_830);
    expect(sampleSizePerArm(0.1, 0.02)).toBeLessThanOrEqual(3_845);
    expect(checkDesign({ baselineRate: 0.1, minimumDetectableEffect: 0.02 }).plannedExposuresPerArm).toBe(
      sampleSizePerArm(0.1, 0.02),
    );
  });
});

describe('the A/A false-positive rate (stated: alpha = 5%, two-sided, at the fixed horizon)', () => {
  const simulate = (seed: number, peekEvery: number | null) => {
    const random = seeded(seed);
    const n = 400;
    const p = 0.1;
    if (peekEvery === null) {
      const analysis = analyseExperiment(twoArms, design, [
        counts('control', n, binomial(random, n, p)),
        counts('hybrid', n, binomial(random, n, p)),
      ]);
      return analysis.comparisons[0].significant;
    }
    // Looking every `peekEvery` exposures and stopping at the first p < alpha: what the guard prevents.
    let a = 0;
    let b = 0;
    for (let seen = peekEvery; seen <= n; seen += peekEvery) {
      a += binomial(random, peekEvery, p);
      b += binomial(random, peekEvery, p);
      if (twoProportionTest({ successes: a, n: seen }, { successes: b, n: seen }).significant) return true;
    }
    return false;
  };

  it('rejects in about 5% of 2,000 seeded A/A experiments analysed once at the horizon', () => {
    let falsePositives = 0;
    for (let seed = 1; seed <= 2_000; seed += 1) if (simulate(seed, null)) falsePositives += 1;
    const rate = falsePositives / 2_000;
    // 2,000 runs: the binomial standard error at 5% is 0.49%, so ±1.5 points is 3 standard errors.
    expect(rate).toBeGreaterThan(0.035);
    expect(rate).toBeLessThan(0.065);
  });

  it('would reject far more often if one stopped at the first significant peek (why the guard exists)', () => {
    let falsePositives = 0;
    for (let seed = 1; seed <= 1_000; seed += 1) if (simulate(seed, 40)) falsePositives += 1;
    expect(falsePositives / 1_000).toBeGreaterThan(0.12);
  });

  it('finds a real 10% → 13% lift in most seeded runs at the planned size (power)', () => {
    const planned = sampleSizePerArm(0.1, 0.03);
    const powered = checkDesign({ plannedExposuresPerArm: planned });
    let found = 0;
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seeded(seed);
      const analysis = analyseExperiment(twoArms, powered, [
        counts('control', planned, binomial(random, planned, 0.1)),
        counts('hybrid', planned, binomial(random, planned, 0.13)),
      ]);
      if (analysis.winner === 'hybrid') found += 1;
    }
    expect(found / 200).toBeGreaterThan(0.7);
  });
});

describe('analysis and the peeking guard', () => {
  it('names no winner before the horizon, however significant the data looks', () => {
    const analysis = analyseExperiment(twoArms, design, [counts('control', 500, 50), counts('hybrid', 500, 150)]);
    expect(analysis.comparisons[0].significant).toBe(true);
    expect(analysis).toMatchObject({ final: false, canDeclareWinner: false, verdict: 'collecting', winner: null });
    expect(analysis.reason).toMatch(/control has 500 of 1000/);
  });

  it('names the better arm at the horizon, or no difference', () => {
    expect(
      analyseExperiment(twoArms, design, [counts('control', 1000, 100), counts('hybrid', 1000, 150)]),
    ).toMatchObject({ final: true, canDeclareWinner: true, verdict: 'winner', winner: 'hybrid' });
    expect(
      analyseExperiment(twoArms, design, [counts('control', 1000, 150), counts('hybrid', 1000, 100)]),
    ).toMatchObject({ verdict: 'winner', winner: 'control' });
    expect(
      analyseExperiment(twoArms, design, [counts('control', 1000, 100), counts('hybrid', 1000, 105)]),
    ).toMatchObject({ canDeclareWinner: true, verdict: 'no-difference', winner: null });
  });

  it('corrects alpha for several treatment arms and reports arms with no data', () => {
    const three = checkArms([
      { key: 'a', percent: 34 },
      { key: 'b', percent: 33 },
      { key: 'c', percent: 33 },
    ]);
    const analysis = analyseExperiment(three, design, [counts('a', 10, 1)]);
    expect(analysis.correctedAlpha).toBeCloseTo(0.025, 10);
    expect(analysis.arms.map((arm) => arm.exposures)).toEqual([10, 0, 0]);
    expect(analysis.arms[0].ctr.rate).toBeCloseTo(0.1, 10);
    expect(analysis.comparisons).toHaveLength(2);
  });
});

describe('arms, design and assignment', () => {
  it('refuses splits not adding up to 100, duplicate or malformed keys, one arm', () => {
    expect(() =>
      checkArms([
        { key: 'a', percent: 50 },
        { key: 'b', percent: 40 },
      ]),
    ).toThrow(expect.objectContaining({ code: 'insights.experiment.invalid-arms' }));
    expect(() =>
      checkArms([
        { key: 'a', percent: 50 },
        { key: 'a', percent: 50 },
      ]),
    ).toThrow(/unique/);
    expect(() => checkArms([{ key: 'a', percent: 100 }])).toThrow(/2 to/);
    expect(() =>
      checkArms([
        { key: 'A!', percent: 50 },
        { key: 'b', percent: 50 },
      ]),
    ).toThrow(/arm key/);
    expect(() =>
      checkArms([
        { key: 'a', percent: 50.5 },
        { key: 'b', percent: 49.5 },
      ]),
    ).toThrow(/whole percent/);
    expect(() => checkDesign({})).toThrow(expect.objectContaining({ code: 'insights.experiment.invalid-design' }));
    expect(() => checkDesign({ plannedExposuresPerArm: 5 })).toThrow(/plannedExposuresPerArm/);
  });

  it('assigns deterministically and in proportion to the split', () => {
    const arms = checkArms([
      { key: 'control', percent: 20 },
      { key: 'hybrid', percent: 80 },
    ]);
    const experiment = new Experiment('e-1', 'x', 'recommendations.home', arms, design, 'admin', new Date());
    expect(experiment.armOf('p:someone')).toBe(experiment.armOf('p:someone'));
    let hybrid = 0;
    for (let i = 0; i < 10_000; i += 1) if (experiment.armOf(`a:session-${i}`) === 'hybrid') hybrid += 1;
    expect(hybrid / 10_000).toBeGreaterThan(0.78);
    expect(hybrid / 10_000).toBeLessThan(0.82);
    expect(armFor(arms, 0)).toBe('control');
    expect(armFor(arms, 1_999)).toBe('control');
    expect(armFor(arms, 2_000)).toBe('hybrid');
    expect(armFor(arms, BUCKETS - 1)).toBe('hybrid');
    expect(bucketOf('e-1', 'p:x')).not.toBe(bucketOf('e-2', 'p:x'));
    expect(subjectKey({ personId: 'ABC', anonymousId: 's' })).toBe('p:abc');
    expect(subjectKey({ anonymousId: 's' })).toBe('a:s');
    expect(subjectKey({})).toBeNull();
  });

  it('freezes arms once started and allows one start and one stop', () => {
    const experiment = new Experiment('e-1', 'x', 'recommendations.home', twoArms, design, 'admin', new Date());
    experiment.changeArms(
      checkArms([
        { key: 'a', percent: 10 },
        { key: 'b', percent: 90 },
      ]),
    );
    experiment.start(new Date());
    expect(() => experiment.changeArms(twoArms)).toThrow(
      expect.objectContaining({ code: 'insights.experiment.arms-locked' }),
    );
    expect(() => experiment.start(new Date())).toThrow(/Cannot start/);
    experiment.stop(new Date());
    expect(() => experiment.stop(new Date())).toThrow(/Cannot stop/);
  });
});

describe('recommendation events', () => {
  const video = 'a0000000-0000-4000-8000-000000000000';
  const event = (
    name: string,
    properties: Record<string, unknown>,
    videoId: string | null = null,
  ): ValidClientEvent => ({
    index: 2,
    eventId: 'e',
    name,
    occurredAt: new Date('2026-12-03T10:00:00Z'),
    sessionId: 's',
    videoId,
    properties,
  });
  const exposure = (overrides: Record<string, unknown> = {}) =>
    event('experiment_exposure', {
      experimentId: 'B0000000-0000-4000-8000-000000000000',
      arm: 'hybrid',
      impressionId: 'imp-1',
      surface: 'recommendations.home',
      videoIds: [video, video.toUpperCase()],
      ...overrides,
    });

  it('reads an exposure (ids lower-cased, shown videos deduplicated)', () => {
    expect(readTrackedEvent(exposure())).toMatchObject({
      type: 'impression',
      experiment: { id: 'b0000000-0000-4000-8000-000000000000', arm: 'hybrid' },
      videoIds: [video],
    });
  });

  it('refuses malformed exposures and clicks with a stable code and the event index', () => {
    for (const bad of [
      exposure({ impressionId: 'has spaces' }),
      exposure({ surface: 'Home!' }),
      exposure({ videoIds: [] }),
      exposure({ videoIds: ['not-a-uuid'] }),
      exposure({ videoIds: Array.from({ length: 101 }, () => video) }),
      exposure({ experimentId: 'x' }),
      exposure({ arm: '' }),
      event('recommendation_click', { impressionId: 'imp-1' }),
      event('recommendation_click', {}, video),
    ])
      expect(readTrackedEvent(bad)).toEqual({
        index: 2,
        code: 'insights.event.invalid-recommendation',
        message: expect.any(String),
      });
  });

  it('reads conversions, and leaves views without a well-formed impression id alone', () => {
    expect(readTrackedEvent(event('video_complete', { impressionId: 'imp-1' }, video))).toMatchObject({
      type: 'conversion',
      kind: 'completion',
    });
    expect(readTrackedEvent(event('video_start', { impressionId: 'bad id' }, video))).toBeNull();
    expect(readTrackedEvent(event('video_start', {}, video))).toBeNull();
    expect(readTrackedEvent(event('video_progress', { impressionId: 'imp-1' }, video))).toBeNull();
  });
});
