import type { Report } from './report.js';

/** A page of a newest-first list. */
export interface ReportPage {
  items: Report[];
  nextCursor?: string;
}

export abstract class ReportRepository {
  /** Inserts the report, or updates (and reopens) the reporter's earlier report on the same target. */
  abstract upsert(report: Report): Promise<Report>;
  abstract pageOfReporter(reporterId: string, limit: number, cursor?: string): Promise<ReportPage>;
  /** Open reports on a target, for the queue item's detail and for its reporters' outcome. */
  abstract openOn(targetType: string, targetId: string): Promise<Report[]>;
  /** Closes every open report on the target with the outcome; returns the reporters told. */
  abstract resolveOpenOn(targetType: string, targetId: string, outcome: string, at: Date): Promise<string[]>;
}
