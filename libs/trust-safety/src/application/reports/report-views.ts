import type { Report } from '../../domain/reports/report.js';

/** A reporter's own report; never shows who else reported the same target. */
export interface ReportView {
  id: string;
  target: { type: string; id: string };
  category: string;
  details: string;
  evidence: Record<string, unknown>;
  status: string;
  outcome: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export function toReportView(report: Report): ReportView {
  return {
    id: report.id,
    target: { type: report.targetType, id: report.targetId },
    category: report.category,
    details: report.details,
    evidence: { ...report.evidence },
    status: report.status,
    outcome: report.outcome,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    resolvedAt: report.resolvedAt?.toISOString() ?? null,
  };
}
