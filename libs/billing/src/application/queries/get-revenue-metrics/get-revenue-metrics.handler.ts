import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { computeRevenueMetrics, InvalidRevenueRangeError } from '../../../domain/revenue/index.js';
import { MrrMovementRepository } from '../../../domain/subscription/mrr-movement.repository.js';
import { GetRevenueMetricsQuery } from './get-revenue-metrics.query.js';

/** MRR and its movements, subscribers, churn, ARPU and LTV, computed from billing's own MRR ledger. */
@QueryHandler(GetRevenueMetricsQuery)
export class GetRevenueMetricsHandler implements IQueryHandler<GetRevenueMetricsQuery> {
  constructor(private readonly movements: MrrMovementRepository) {}

  async execute({ from, to, interval }: GetRevenueMetricsQuery) {
    if (!(from < to)) throw new InvalidRevenueRangeError('`from` must be before `to`');
    return computeRevenueMetrics(await this.movements.until(to), { from, to, interval });
  }
}
