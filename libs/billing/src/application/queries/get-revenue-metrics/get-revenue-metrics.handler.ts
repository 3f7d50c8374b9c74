import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  computeRevenueMetrics,
  emptyCurrencyRevenue,
  InvalidRevenueRangeError,
  withRevenueStreams,
} from '../../../domain/revenue/index.js';
import { RevenueJournal } from '../../../domain/revenue/revenue-journal.js';
import { MrrMovementRepository } from '../../../domain/subscription/mrr-movement.repository.js';
import { GetRevenueMetricsQuery } from './get-revenue-metrics.query.js';

/**
 * MRR and its movements, subscribers, churn, ARPU and LTV, computed from billing's own MRR ledger, and the other
 * revenue streams (tips, commission, gifts, ads, overage) from the revenue journal, per bucket and currency.
 */
@QueryHandler(GetRevenueMetricsQuery)
export class GetRevenueMetricsHandler implements IQueryHandler<GetRevenueMetricsQuery> {
  constructor(
    private readonly movements: MrrMovementRepository,
    private readonly journal: RevenueJournal,
  ) {}

  async execute({ from, to, interval }: GetRevenueMetricsQuery) {
    if (!(from < to)) throw new InvalidRevenueRangeError('`from` must be before `to`');
    const query = { from, to, interval };
    const report = computeRevenueMetrics(await this.movements.until(to), query);
    const streams = (await this.journal.bucketed({ from, to }, interval)).map((total) => ({
      ...total,
      at: total.bucketStart,
    }));
    return withRevenueStreams(report, streams, query, (currency) => emptyCurrencyRevenue(currency, query));
  }
}
