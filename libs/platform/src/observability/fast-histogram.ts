import {
  MetricType,
  type Metric,
  type MetricObjectWithValues,
  type MetricValueWithName,
  type Registry,
} from 'prom-client';

interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative), the last one past every bound. */
  counts: number[];
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram whose observation is one Map lookup and a bucket search. prom-client's Histogram
 * validates and hashes a labels object on every call, about a microsecond of each HTTP request (ADR 0076);
 * this one takes the label values in declared order and exposes the same series through the same registry.
 */
export class FastHistogram<Label extends string> {
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Series>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly labelNames: readonly Label[],
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    registry.registerMetric(this as unknown as Metric);
  }

  /** Label values in the order of `labelNames`. */
  observe(values: readonly string[], value: number): void {
    const key = values.join('\u0000');
    let series = this.series.get(key);
    if (!series) {
      const labels = Object.fromEntries(this.labelNames.map((name, i) => [name, values[i]]));
      series = { labels, counts: new Array<number>(this.buckets.length + 1).fill(0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    let bucket = 0;
    while (bucket < this.buckets.length && value > this.buckets[bucket]) bucket++;
    series.counts[bucket]++;
    series.sum += value;
    series.count++;
  }

  get(): Promise<MetricObjectWithValues<MetricValueWithName<string>>> {
    const values: MetricValueWithName<string>[] = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((le, i) => {
        cumulative += counts[i];
        values.push({ metricName: `${this.name}_bucket`, labels: { le, ...labels }, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...labels }, value: count });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum });
      values.push({ metricName: `${this.name}_count`, labels, value: count });
    }
    return Promise.resolve({
      name: this.name,
      help: this.help,
      type: 'histogram' as unknown as MetricType, // the enum exists in prom-client's typings only
      aggregator: this.aggregator,
      collect: () => undefined,
      values,
    });
  }

  reset(): void {
    this.series.clear();
  }
}
