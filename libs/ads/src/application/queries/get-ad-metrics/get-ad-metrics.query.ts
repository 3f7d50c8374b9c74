import { Query } from '@nestjs/cqrs';

export const METRIC_GROUPS = ['campaign', 'creative', 'placement', 'day'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export interface AdMetricsRow {
  key: string;
  currency: string;
  requests: number;
  decisions: number;
  impressions: number;
  clicks: number;
  /** clicks / impressions. */
  ctr: number;
  /** Minor units (three decimals: one impression costs CPM / 1000). */
  spend: number;
  /** Revenue per 1,000 ad requests on the placements and days of the row. */
  rpm: number;
  /** Decisions that returned this row's ads / ad requests on its placements and days. */
  fillRate: number;
}

export interface AdMetricsView {
  from: string;
  to: string;
  groupBy: MetricGroup;
  rows: AdMetricsRow[];
}

/** Ad metrics per campaign, creative, placement or UTC day over [from, to] (dates, inclusive). */
export class GetAdMetricsQuery extends Query<AdMetricsView> {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly groupBy: MetricGroup,
    readonly campaignId?: string,
  ) {
    super();
  }
}
