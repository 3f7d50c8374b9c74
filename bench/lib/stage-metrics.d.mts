export interface HistogramSeries {
  name: string;
  labels: Record<string, string>;
  buckets: Map<string, number>;
  sum: number;
  count: number;
}
export interface MetricsReading {
  series: Map<string, HistogramSeries>;
  gauges: Map<string, number>;
}
export interface Timing {
  count: number;
  meanMs: number;
  p95Ms: number;
}
export interface ServerSide {
  socket: (Timing & { labels: Record<string, string> }) | undefined;
  loopP99Ms: number;
  loopMaxMs: number;
  gc: { kind: string; count: number; totalMs: number }[];
}

export declare function readServerMetrics(url: string): Promise<MetricsReading>;
export declare function parseMetrics(text: string): MetricsReading;
export declare function stagesBetween(
  before: MetricsReading,
  after: MetricsReading,
  operation: string,
): (Timing & { stage: string })[];
export declare function serverBetween(before: MetricsReading, after: MetricsReading, event: string): ServerSide;
export declare function stagesLine(stages: (Timing & { stage: string })[]): string;
export declare function serverLine(server: ServerSide): string;
