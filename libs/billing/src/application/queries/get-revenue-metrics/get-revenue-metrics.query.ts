import { Query } from '@nestjs/cqrs';
import type { RevenueInterval, RevenueReport } from '../../../domain/revenue/index.js';

export class GetRevenueMetricsQuery extends Query<RevenueReport> {
  constructor(
    readonly from: Date,
    readonly to: Date,
    readonly interval: RevenueInterval,
  ) {
    super();
  }
}
