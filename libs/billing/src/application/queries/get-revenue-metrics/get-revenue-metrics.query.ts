import { Query } from '@nestjs/cqrs';
import type { RevenueInterval, RevenueReportWithStreams } from '../../../domain/revenue/index.js';

export class GetRevenueMetricsQuery extends Query<RevenueReportWithStreams> {
  constructor(
    readonly from: Date,
    readonly to: Date,
    readonly interval: RevenueInterval,
  ) {
    super();
  }
}
