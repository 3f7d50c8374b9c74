import { CASES, checkResults } from './smoke-checks.mjs';

const smokeCase = (name: string) => CASES.find((c) => c.name === name)!;

/** The smoke test's reading of a results file: a comparison that is missing or not a number fails it. */
describe('bench smoke: the comparison each benchmark must write', () => {
  it('accepts the ratios of an http --live run', () => {
    const live = { summary: { ratio: 0.4, nestOnlyRatio: 0.8 } };
    const results = { results: { people: { summary: { ratio: 0.99 }, live } } };
    expect(checkResults(smokeCase('http --live'), results).problems).toEqual([]);
  });

  it('fails a run whose ratio was NaN (null in the JSON) or whose live row is missing', () => {
    const { problems } = checkResults(smokeCase('http --live'), { results: { people: { summary: { ratio: null } } } });
    expect(problems).toEqual([
      'people: req/s ratio: null',
      '/health/live: app vs bare Fastify: undefined',
      '/health/live: NestJS alone vs bare Fastify: undefined',
    ]);
  });

  it('reads every scenario of an http --read run', () => {
    const scenario = (cpuPerRequestRatio: number | null) => ({ summary: { ratio: 0.6, cpuPerRequestRatio } });
    const results = { results: { conversations: scenario(1.6), video: scenario(null) } };
    expect(checkResults(smokeCase('http --read'), results).problems).toEqual(['video: CPU/request ratio: null']);
  });

  it('fails a results file without the comparison at all', () => {
    for (const benchCase of CASES) expect(checkResults(benchCase, {}).problems).not.toEqual([]);
  });

  it('counts a later messaging step a starved candidate delivered nothing in, but not the first, nor no steps', () => {
    const step = (rate: number, deliveredRatio: number) => ({
      rate,
      summary: { versus: { baseline: { deliveredRatio } } },
    });
    const results = { memory: { ratio: 1.8 }, steps: [step(50, 1), step(400, 0)] };
    expect(checkResults(smokeCase('messaging'), results).problems).toEqual([]);
    const broken = { memory: { ratio: 1.8 }, steps: [step(50, 0), step(400, 0)] };
    expect(checkResults(smokeCase('messaging'), broken).problems).toEqual([
      'delivered ratio vs baseline at 50 msg/s: undefined',
    ]);
    expect(checkResults(smokeCase('messaging'), { memory: { ratio: 1.8 } }).problems).toEqual([
      'delivered ratio vs baseline at undefined msg/s: undefined',
    ]);
  });

  it('reads load as each step against the p95 target, a missed step included', () => {
    const step = (rate: number, held: boolean) => ({ rate, held, all: { p95: held ? 40 : 900 } });
    const results = { options: { rates: [10, 20] }, steps: [step(10, true), step(20, false)] };
    expect(checkResults(smokeCase('load'), results).problems).toEqual([]);
    const cut = { options: { rates: [10, 20] }, steps: [step(10, true)] };
    expect(checkResults(smokeCase('load'), cut).problems).toEqual(['steps measured: undefined']);
  });
});
