import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReportRepository } from '../../../domain/reports/report.repository.js';
import { toReportView } from '../report-views.js';
import { ListMyReportsQuery } from './list-my-reports.query.js';

/** A reporter's history: their reports, newest activity first, with each outcome. */
@QueryHandler(ListMyReportsQuery)
export class ListMyReportsHandler implements IQueryHandler<ListMyReportsQuery> {
  constructor(private readonly reports: ReportRepository) {}

  async execute(query: ListMyReportsQuery) {
    const page = await this.reports.pageOfReporter(query.reporterId, query.limit, query.cursor);
    return { items: page.items.map(toReportView), nextCursor: page.nextCursor };
  }
}
