import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ModerationStatistics } from '../moderation-stats.js';
import { GetModerationStatsQuery } from './get-moderation-stats.query.js';

/** The moderation dashboard's figures for the last `windowDays` days. */
@QueryHandler(GetModerationStatsQuery)
export class GetModerationStatsHandler implements IQueryHandler<GetModerationStatsQuery> {
  constructor(private readonly statistics: ModerationStatistics) {}

  async execute(query: GetModerationStatsQuery) {
    const to = new Date();
    const from = new Date(to.getTime() - query.windowDays * 86_400_000);
    const figures = await this.statistics.compute(from, to);
    return { windowDays: query.windowDays, from: from.toISOString(), to: to.toISOString(), ...figures };
  }
}
