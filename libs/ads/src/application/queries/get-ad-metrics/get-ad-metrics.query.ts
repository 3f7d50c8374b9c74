import { Query } from '@nestjs/cqrs';
import type { AdPerformanceRow } from '../../../contracts/ad-performance.js';

export const METRIC_GROUPS = ['campaign', 'creative', 'placement', 'day'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

/** One group's delivery: the same row ads' AdPerformance contract gives other contexts. */
export type AdMetricsRow = Omit<AdPerformanceRow, 'name'>;

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
