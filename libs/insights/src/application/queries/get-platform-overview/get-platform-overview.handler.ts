import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { reportRange } from '../../../domain/report-range.js';
import { AnalyticsReader } from '../../analytics-reader.js';
import { GetPlatformOverviewQuery } from './get-platform-overview.query.js';

/** Admins: active users, signups, weekly cohorts, the conversion funnel, top content, MRR and churn (UTC days). */
@QueryHandler(GetPlatformOverviewQuery)
export class GetPlatformOverviewHandler implements IQueryHandler<GetPlatformOverviewQuery> {
  constructor(private readonly reader: AnalyticsReader) {}

  async execute(query: GetPlatformOverviewQuery) {
    const range = reportRange(query.from, query.to, 'UTC', 'day');
    return {
      range: { from: range.from.toISOString(), to: range.to.toISOString(), tz: 'UTC' },
      ...(await this.reader.platform(range)),
    };
  }
}
