import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, InvalidCursorError, newId } from '@lib/platform';
import type { Report } from '../../domain/reports/report.js';
import {
  dueTimeFor,
  SCREENING_SEVERITY,
  SCREENING_WEIGHT,
  screeningDueTime,
  severityOf,
  type ReviewItemKind,
} from '../../domain/review-queue/review-item.js';
import {
  ReviewQueue,
  type QueueFilter,
  type PendingScreening,
  type QueuePage,
  type ReviewItemView,
} from '../../application/review-queue/review-queue.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ItemRow {
  id: string;
  kind: ReviewItemKind;
  target_type: string;
  target_id: string;
  subject_user_id: string | null;
  category: string;
  severity: number;
  reporter_weight: number;
  report_count: number;
  status: 'open' | 'resolved';
  claimed_by: string | null;
  claimed_at: Date | null;
  due_at: Date;
  created_at: Date;
  last_activity_at: Date;
  resolved_at: Date | null;
  resolution: string | null;
  priority: number;
}

/** Mirrors domain `priorityOf`: severity × summed reporter weight × recency, as of `?` (a timestamp). */
const PRIORITY = `(i.severity * greatest(i.reporter_weight, 0.5)
  / (1 + greatest(0, extract(epoch from (?::timestamptz - i.last_activity_at))) / 86400.0))::float8`;

@Injectable()
export class SqlReviewQueue extends ReviewQueue {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async addScreening(screening: PendingScreening): Promise<string> {
    const [row] = await this.em.execute<{ id: string }[]>(
      `insert into trust_safety.review_items (id, kind, target_type, target_id, subject_user_id, category, severity,
              reporter_weight, report_count, status, due_at, created_at, last_activity_at)
       values (?, 'screening', ?, ?, ?, ?, ?, ?, 0, 'open', ?, ?, ?)
       on conflict (kind, target_type, target_id) where status = 'open' do update set
         category = excluded.category,
         severity = greatest(review_items.severity, excluded.severity),
         due_at = least(review_items.due_at, excluded.due_at),
         last_activity_at = excluded.last_activity_at
       returning id`,
      [
        newId(),
        screening.contentType,
        screening.contentId.toLowerCase(),
        screening.authorId,
        screening.rule,
        SCREENING_SEVERITY[screening.action],
        SCREENING_WEIGHT,
        screeningDueTime(screening.action, screening.createdAt),
        screening.createdAt,
        screening.createdAt,
      ],
    );
    return row.id;
  }

  async addDmcaNotice(notice: { videoId: string; uploaderId: string; at: Date }): Promise<string> {
    // A notice weighs like one trusted reporter; it joins copyright reports on the same video.
    const [row] = await this.em.execute<{ id: string }[]>(
      `insert into trust_safety.review_items (id, kind, target_type, target_id, subject_user_id, category, severity,
              reporter_weight, report_count, status, due_at, created_at, last_activity_at)
       values (?, 'dmca', 'video', ?, ?, 'copyright', ?, 1, 0, 'open', ?, ?, ?)
       on conflict (kind, target_type, target_id) where status = 'open' do update set
         subject_user_id = coalesce(review_items.subject_user_id, excluded.subject_user_id),
         reporter_weight = review_items.reporter_weight + 1,
         due_at = least(review_items.due_at, excluded.due_at),
         last_activity_at = excluded.last_activity_at
       returning id`,
      [
        newId(),
        notice.videoId,
        notice.uploaderId,
        severityOf('copyright'),
        dueTimeFor('copyright', notice.at),
        notice.at,
        notice.at,
      ],
    );
    return row.id;
  }

  async addReport(report: Report, at: Date): Promise<string> {
    // Copyright reports take the DMCA path: their own item, apart from the target's other reports.
    const kind: ReviewItemKind = report.category === 'copyright' ? 'dmca' : 'report';
    const [row] = await this.em.execute<{ id: string }[]>(
      `insert into trust_safety.review_items (id, kind, target_type, target_id, subject_user_id, category, severity,
              reporter_weight, report_count, status, due_at, created_at, last_activity_at)
       select ?, ?, ?, ?, ?, ?, ?, coalesce(sum(r.reporter_weight), 0), count(*), 'open', ?, ?, ?
         from trust_safety.reports r
        where r.target_type = ? and r.target_id = ? and r.status = 'open' and (r.category = 'copyright') = ?
       on conflict (kind, target_type, target_id) where status = 'open' do update set
         reporter_weight = excluded.reporter_weight,
         report_count = excluded.report_count,
         category = case when excluded.severity > review_items.severity then excluded.category else review_items.category end,
         severity = greatest(review_items.severity, excluded.severity),
         due_at = least(review_items.due_at, excluded.due_at),
         last_activity_at = excluded.last_activity_at
       returning id`,
      [
        newId(),
        kind,
        report.targetType,
        report.targetId,
        report.subjectUserId,
        report.category,
        severityOf(report.category),
        dueTimeFor(report.category, at),
        at,
        at,
        report.targetType,
        report.targetId,
        kind === 'dmca',
      ],
    );
    return row.id;
  }

  async page(filter: QueueFilter, limit: number, cursor?: string): Promise<QueuePage> {
    let asOf = new Date();
    let after: { priority: number; id: string } | undefined;
    if (cursor) {
      const [at, priority, id] = decodeCursor(cursor) ?? [];
      if (
        typeof at !== 'string' ||
        Number.isNaN(Date.parse(at)) ||
        typeof priority !== 'number' ||
        typeof id !== 'string' ||
        !UUID.test(id)
      )
        throw new InvalidCursorError();
      asOf = new Date(at);
      after = { priority, id };
    }
    const where: string[] = ['i.status = ?'];
    const params: unknown[] = [asOf, filter.status];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.kind) add('i.kind = ?', filter.kind);
    if (filter.category) add('i.category = ?', filter.category);
    if (filter.targetType) add('i.target_type = ?', filter.targetType);
    if (filter.claimedBy === 'unclaimed') add('i.claimed_by is null');
    else if (filter.claimedBy) add('i.claimed_by = ?', filter.claimedBy);
    if (filter.breached) add(`i.status = 'open' and i.due_at < ?`, asOf);
    let keyset = '';
    if (after) {
      keyset = 'where (q.priority < ? or (q.priority = ? and q.id > ?))';
      params.push(after.priority, after.priority, after.id);
    }
    const rows = await this.em.execute<ItemRow[]>(
      `select * from (select i.*, ${PRIORITY} as priority from trust_safety.review_items i where ${where.join(' and ')}) q
        ${keyset} order by q.priority desc, q.id limit ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map((row) => toView(row, asOf));
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    const [{ count }] = await this.em.execute<{ count: string }[]>(
      `select count(*) from trust_safety.review_items where status = 'open' and due_at < now()`,
    );
    return {
      items,
      nextCursor: last ? encodeCursor([asOf.toISOString(), Number(last.priority), last.id]) : undefined,
      breachedCount: Number(count),
    };
  }

  find(itemId: string): Promise<ReviewItemView | null> {
    return this.one(itemId, '');
  }

  findForUpdate(itemId: string): Promise<ReviewItemView | null> {
    return this.one(itemId, 'for update');
  }

  async claim(itemId: string, moderatorId: string, at: Date): Promise<void> {
    await this.em.execute('update trust_safety.review_items set claimed_by = ?, claimed_at = ? where id = ?', [
      moderatorId,
      at,
      itemId,
    ]);
  }

  async release(itemId: string): Promise<void> {
    await this.em.execute('update trust_safety.review_items set claimed_by = null, claimed_at = null where id = ?', [
      itemId,
    ]);
  }

  async resolve(itemId: string, moderatorId: string | null, resolution: string, at: Date): Promise<void> {
    await this.em.execute(
      `update trust_safety.review_items set status = 'resolved', resolved_at = ?, resolved_by = ?, resolution = ?
        where id = ? and status = 'open'`,
      [at, moderatorId, resolution, itemId],
    );
  }

  private async one(itemId: string, lock: string): Promise<ReviewItemView | null> {
    if (!UUID.test(itemId)) return null;
    const now = new Date();
    const [row] = await this.em.execute<ItemRow[]>(
      `select i.*, ${PRIORITY} as priority from trust_safety.review_items i where i.id = ? ${lock}`,
      [now, itemId],
    );
    return row ? toView(row, now) : null;
  }
}

function toView(row: ItemRow, asOf: Date): ReviewItemView {
  const dueAt = new Date(row.due_at);
  return {
    id: row.id,
    kind: row.kind,
    target: { type: row.target_type, id: row.target_id },
    subjectUserId: row.subject_user_id,
    category: row.category,
    severity: row.severity,
    reportCount: row.report_count,
    reporterWeight: Number(row.reporter_weight),
    priority: Number(row.priority),
    status: row.status,
    claimedBy: row.claimed_by,
    claimedAt: row.claimed_at ? new Date(row.claimed_at).toISOString() : null,
    dueAt: dueAt.toISOString(),
    breached: row.status === 'open' && dueAt < asOf,
    createdAt: new Date(row.created_at).toISOString(),
    lastActivityAt: new Date(row.last_activity_at).toISOString(),
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    resolution: row.resolution,
  };
}
