import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { Report, type ReportableType, type ReportCategory, type ReportEvidence } from '../../domain/reports/report.js';
import { ReportRepository, type ReportPage } from '../../domain/reports/report.repository.js';

interface ReportRow {
  id: string;
  reporter_id: string;
  target_type: ReportableType;
  target_id: string;
  subject_user_id: string;
  category: ReportCategory;
  reporter_weight: number;
  details: string;
  evidence: ReportEvidence;
  status: 'open' | 'resolved';
  outcome: string | null;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
}

@Injectable()
export class SqlReportRepository extends ReportRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async upsert(report: Report): Promise<Report> {
    const [row] = await this.em.execute<ReportRow[]>(
      `insert into trust_safety.reports (id, reporter_id, target_type, target_id, subject_user_id, category,
              reporter_weight, details, evidence, status, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'open', ?, ?)
       on conflict (reporter_id, target_type, target_id) do update set
         category = excluded.category, reporter_weight = excluded.reporter_weight, details = excluded.details,
         evidence = excluded.evidence, subject_user_id = excluded.subject_user_id, status = 'open', outcome = null,
         resolved_at = null, updated_at = excluded.updated_at
       returning *`,
      [
        report.id,
        report.reporterId,
        report.targetType,
        report.targetId,
        report.subjectUserId,
        report.category,
        report.reporterWeight,
        report.details,
        JSON.stringify(report.evidence),
        report.createdAt,
        report.updatedAt,
      ],
    );
    return toReport(row);
  }

  async pageOfReporter(reporterId: string, limit: number, cursor?: string): Promise<ReportPage> {
    const after = decodeKeysetCursor(cursor);
    const rows = await this.em.execute<ReportRow[]>(
      `select * from trust_safety.reports where reporter_id = ?
         ${after ? 'and (updated_at, id) < (?, ?)' : ''}
        order by updated_at desc, id desc limit ?`,
      after ? [reporterId, after.at, after.id, limit + 1] : [reporterId, limit + 1],
    );
    const items = rows.slice(0, limit).map(toReport);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, nextCursor: last ? encodeKeysetCursor(last.updatedAt, last.id) : undefined };
  }

  async openOn(targetType: string, targetId: string): Promise<Report[]> {
    const rows = await this.em.execute<ReportRow[]>(
      `select * from trust_safety.reports where target_type = ? and target_id = ? and status = 'open' order by updated_at`,
      [targetType, targetId],
    );
    return rows.map(toReport);
  }

  async resolveOpenOn(targetType: string, targetId: string, outcome: string, at: Date): Promise<string[]> {
    const rows = await this.em.execute<{ reporter_id: string }[]>(
      `update trust_safety.reports set status = 'resolved', outcome = ?, resolved_at = ?, updated_at = ?
        where target_type = ? and target_id = ? and status = 'open' returning reporter_id`,
      [outcome, at, at, targetType, targetId],
    );
    return rows.map((row) => row.reporter_id);
  }
}

function toReport(row: ReportRow): Report {
  return new Report(
    row.id,
    row.reporter_id,
    row.target_type,
    row.target_id,
    row.subject_user_id,
    row.category,
    Number(row.reporter_weight),
    row.details,
    row.evidence,
    row.status,
    row.outcome,
    new Date(row.created_at),
    new Date(row.updated_at),
    row.resolved_at ? new Date(row.resolved_at) : null,
  );
}
