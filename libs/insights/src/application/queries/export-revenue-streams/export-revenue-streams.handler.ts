import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { REVENUE_STREAM_NAMES, type RevenueStreamsDay } from '@lib/billing/contracts';
import { reportRange } from '../../../domain/report-range.js';
import { AnalyticsReader } from '../../analytics-reader.js';
import { ExportRevenueStreamsQuery } from './export-revenue-streams.query.js';

export const REVENUE_STREAMS_COLUMNS = ['day', 'currency', ...REVENUE_STREAM_NAMES] as const;

export interface RevenueStreamsTable {
  from: Date;
  to: Date;
  rows: Array<Array<string | number>>;
}

/** Admins: the revenue streams roll-up as a table, one row per UTC day and currency (the overview's `revenueStreams`). */
@QueryHandler(ExportRevenueStreamsQuery)
export class ExportRevenueStreamsHandler implements IQueryHandler<ExportRevenueStreamsQuery> {
  constructor(private readonly reader: AnalyticsReader) {}

  async execute(query: ExportRevenueStreamsQuery): Promise<RevenueStreamsTable> {
    const range = reportRange(query.from, query.to, 'UTC', 'day');
    const days: RevenueStreamsDay[] = await this.reader.revenueStreams({ from: range.from, to: range.to });
    return {
      from: range.from,
      to: range.to,
      rows: days.map((day) => [day.day, day.currency, ...REVENUE_STREAM_NAMES.map((name) => day.streams[name])]),
    };
  }
}
