import { Command } from '@nestjs/cqrs';
import type { ReportableType, ReportCategory, ReportEvidence } from '../../../domain/reports/report.js';
import type { ReportView } from '../report-views.js';

export class FileReportCommand extends Command<ReportView> {
  constructor(
    readonly reporterId: string,
    readonly target: { type: ReportableType; id: string },
    readonly category: ReportCategory,
    readonly details: string,
    readonly evidence: ReportEvidence,
  ) {
    super();
  }
}
