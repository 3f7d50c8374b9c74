import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { ReportView } from '../report-views.js';

export class ListMyReportsQuery extends Query<Page<ReportView>> {
  constructor(
    readonly reporterId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
