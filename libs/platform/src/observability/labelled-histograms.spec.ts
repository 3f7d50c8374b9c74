import { Histogram, Registry } from 'prom-client';
import { PairHistogram, TripleHistogram } from './labelled-histograms.js';

const BUCKETS = [0.001, 0.01, 0.1, 1];

function both() {
  const reference = new Registry();
  const ours = new Registry();
  const options = { name: 'stage_seconds', help: 'Stage time', buckets: BUCKETS };
  const histogram = new Histogram({ ...options, labelNames: ['operation', 'stage'], registers: [reference] });
  const pair = new PairHistogram({ ...options, labelNames: ['operation', 'stage'] as const, registers: [ours] });
  const observe = (operation: string, stage: string, value: number) => {
    histogram.observe({ operation, stage }, value);
    pair.observe(operation, stage, value);
  };
  return { reference, ours, observe, pair };
}

describe('PairHistogram', () => {
  it("prints and reads exactly as prom-client's Histogram for the same observations", async () => {
    const { reference, ours, observe } = both();
    // Interleaved series, values on a bound, between bounds, above the last one and zero.
    const cases: [string, string, number][] = [
      ['send', 'begin', 0.001],
      ['read', 'query', 0.05],
      ['send', 'commit', 3],
      ['send', 'begin', 0.0004],
      ['read', 'query', 1],
      ['send', 'commit', 0],
    ];
    for (let round = 0; round < 50; round++) for (const [a, b, v] of cases) observe(a, b, v * (1 + round / 100));
    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(await ours.getMetricsAsJSON()).toEqual(await reference.getMetricsAsJSON());
  });

  it('starts over on reset, as the registry asks', async () => {
    const { reference, ours, observe } = both();
    observe('send', 'begin', 0.002);
    reference.resetMetrics();
    ours.resetMetrics();
    observe('send', 'insert', 0.02);
    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(await ours.metrics()).not.toContain('stage="begin"');
  });

  it('refuses a value that is not a finite number, which would poison the sum', () => {
    const { pair } = both();
    expect(() => pair.observe('send', 'begin', Number.NaN)).toThrow(TypeError);
  });
});

describe('TripleHistogram', () => {
  it("prints and reads exactly as prom-client's Histogram for the same observations, and starts over on reset", async () => {
    const reference = new Registry();
    const ours = new Registry();
    const options = { name: 'http_seconds', help: 'Requests', buckets: BUCKETS };
    const histogram = new Histogram({ ...options, labelNames: ['method', 'route', 'status'], registers: [reference] });
    const triple = new TripleHistogram({
      ...options,
      labelNames: ['method', 'route', 'status'] as const,
      registers: [ours],
    });
    const observe = (method: string, route: string, status: string, value: number) => {
      histogram.observe({ method, route, status }, value);
      triple.observe(method, route, status, value);
    };
    // Series that share their first two labels, or only the last one; values on a bound, between, above, zero.
    const cases: [string, string, string, number][] = [
      ['GET', '/v1/videos/:id', '200', 0.001],
      ['GET', '/v1/videos/:id', '404', 0.05],
      ['POST', '/v1/videos/:id', '200', 3],
      ['GET', '/health/live', '200', 0.0004],
      ['GET', '/v1/videos/:id', '200', 0],
    ];
    for (let round = 0; round < 20; round++) for (const [m, r, s, v] of cases) observe(m, r, s, v * (1 + round / 100));
    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(await ours.getMetricsAsJSON()).toEqual(await reference.getMetricsAsJSON());
    reference.resetMetrics();
    ours.resetMetrics();
    observe('DELETE', '/v1/videos/:id', '204', 0.02);
    expect(await ours.metrics()).toBe(await reference.metrics());
    expect(() => triple.observe('GET', '/x', '200', Number.POSITIVE_INFINITY)).toThrow(TypeError);
    expect(await ours.metrics()).not.toContain('route="/x"');
  });
});
