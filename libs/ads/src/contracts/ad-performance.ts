/** One group of ad delivery (a campaign, creative, placement or UTC day) in one currency. */
export interface AdPerformanceRow {
  key: string;
  /** A campaign's name (campaign rows only). */
  name?: string;
  currency: string;
  /** Ad requests on the row's placements and days. */
  requests: number;
  /** Decisions that returned the row's ads. */
  decisions: number;
  impressions: number;
  clicks: number;
  /** clicks / impressions. */
  ctr: number;
  /** Minor units (three decimals: one impression costs CPM / 1000). */
  spend: number;
  /** Revenue per 1,000 requests. */
  rpm: number;
  /** decisions / requests. */
  fillRate: number;
}

/** Ad delivery over UTC days [from, to] (inclusive), grouped four ways. */
export interface AdPerformanceReport {
  from: string;
  to: string;
  /** True when the asked range was longer than ads keeps request counters for and only its end is covered. */
  truncated: boolean;
  byCampaign: AdPerformanceRow[];
  byCreative: AdPerformanceRow[];
  byPlacement: AdPerformanceRow[];
  byDay: AdPerformanceRow[];
}

/** Ads' synchronous port for dashboards outside ads (insights' platform overview): its own metrics, never SQL. */
export abstract class AdPerformance {
  /** The UTC days the instants [from, to) touch, at most the last 92 of them. */
  abstract report(range: { from: Date; to: Date }): Promise<AdPerformanceReport>;
}
