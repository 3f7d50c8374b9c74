import fc from 'fast-check';
import { Histogram, Registry } from 'prom-client';
import { FastHistogram } from './fast-histogram.js';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5];

describe('FastHistogram', () => {
  it("exposes exactly what prom-client's Histogram exposes for the same observations", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('GET', 'POST'),
            fc.constantFrom('/v1/a', '/v1/b/:id', 'unmatched'),
            fc.constantFrom('200', '404', '500'),
            // Bounds themselves included: a value equal to a bound counts in that bucket (le).
            fc.oneof(fc.constantFrom(...BUCKETS), fc.double({ min: 0, max: 10, noNaN: true })),
          ),
          { maxLength: 60 },
        ),
        async (observations) => {
          const reference = new Registry();
          const theirs = new Histogram({
            name: 'http_request_duration_seconds',
            help: 'durations',
            labelNames: ['method', 'route', 'status'],
            buckets: BUCKETS,
            registers: [reference],
          });
          const candidate = new Registry();
          const ours = new FastHistogram(
            'http_request_duration_seconds',
            'durations',
            ['method', 'route', 'status'],
            BUCKETS,
            candidate,
          );
          for (const [method, route, status, seconds] of observations) {
            theirs.observe({ method, route, status }, seconds);
            ours.observe([method, route, status], seconds);
          }
          expect(sortedLines(await candidate.metrics())).toEqual(sortedLines(await reference.metrics()));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps label values apart that would run together when joined naively', async () => {
    const registry = new Registry();
    const histogram = new FastHistogram('h', 'help', ['a', 'b'], [1], registry);
    histogram.observe(['x', 'yz'], 0.5);
    histogram.observe(['xy', 'z'], 0.5);
    expect(await registry.metrics()).toContain('h_count{a="x",b="yz"} 1');
    expect(await registry.metrics()).toContain('h_count{a="xy",b="z"} 1');
  });
});

/** prom-client writes series in first-observed order either way; sums may differ in their last bit by order. */
function sortedLines(text: string): string[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) =>
      line.replace(
        /(_sum\{[^}]*\}) ([\d.e+-]+)$/,
        (_, head: string, value: string) => `${head} ${Number(value).toPrecision(12)}`,
      ),
    )
    .sort();
}
