import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DmcaNotice, type DmcaStatus } from '../../domain/dmca/dmca-notice.js';
import { DmcaNoticeRepository } from '../../domain/dmca/dmca-notice.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  video_id: string;
  uploader_id: string;
  status: DmcaStatus;
  notice: DmcaNotice['notice'];
  claimant_token_hash: string;
  takedown_decision_id: string;
  counter_notice: DmcaNotice['counterNotice'];
  counter_noticed_at: Date | null;
  restore_at: Date | null;
  restored_at: Date | null;
  restore_decision_id: string | null;
  court_action: DmcaNotice['courtAction'];
  court_action_at: Date | null;
  created_at: Date;
}

const date = (value: Date | null) => (value ? new Date(value) : null);
const toNotice = (row: Row) =>
  new DmcaNotice(
    row.id,
    row.video_id,
    row.uploader_id,
    row.status,
    row.notice,
    row.claimant_token_hash,
    row.takedown_decision_id,
    row.counter_notice,
    date(row.counter_noticed_at),
    date(row.restore_at),
    date(row.restored_at),
    row.restore_decision_id,
    row.court_action,
    date(row.court_action_at),
    new Date(row.created_at),
  );

@Injectable()
export class SqlDmcaNoticeRepository extends DmcaNoticeRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async add(notice: DmcaNotice): Promise<void> {
    await this.em.execute(
      `insert into trust_safety.dmca_notices (id, video_id, uploader_id, status, notice, claimant_email,
         claimant_token_hash, takedown_decision_id, created_at, updated_at)
       values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)`,
      [
        notice.id,
        notice.videoId,
        notice.uploaderId,
        notice.status,
        JSON.stringify(notice.notice),
        notice.notice.contact.email,
        notice.claimantTokenHash,
        notice.takedownDecisionId,
        notice.createdAt,
        notice.createdAt,
      ],
    );
  }

  async save(notice: DmcaNotice): Promise<void> {
    await this.em.execute(
      `update trust_safety.dmca_notices set status = ?, counter_notice = ?::jsonb, counter_noticed_at = ?,
         restore_at = ?, restored_at = ?, restore_decision_id = ?, court_action = ?::jsonb, court_action_at = ?,
         updated_at = now()
       where id = ?`,
      [
        notice.status,
        notice.counterNotice ? JSON.stringify(notice.counterNotice) : null,
        notice.counterNoticedAt,
        notice.restoreAt,
        notice.restoredAt,
        notice.restoreDecisionId,
        notice.courtAction ? JSON.stringify(notice.courtAction) : null,
        notice.courtActionAt,
        notice.id,
      ],
    );
  }

  async byId(id: string): Promise<DmcaNotice | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>('select * from trust_safety.dmca_notices where id = ?', [id]);
    return row ? toNotice(row) : null;
  }

  async byIdForUpdate(id: string): Promise<DmcaNotice | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.em.execute<Row[]>('select * from trust_safety.dmca_notices where id = ? for update', [id]);
    return row ? toNotice(row) : null;
  }

  async standingAgainst(uploaderId: string): Promise<number> {
    const [row] = await this.em.execute<{ count: number }[]>(
      `select count(*)::int as count from trust_safety.dmca_notices where uploader_id = ? and status <> 'restored'`,
      [uploaderId],
    );
    return row.count;
  }

  async othersHoldingDown(videoId: string, exceptId: string): Promise<number> {
    const [row] = await this.em.execute<{ count: number }[]>(
      `select count(*)::int as count from trust_safety.dmca_notices
       where video_id = ? and id <> ? and status in ('taken-down', 'counter-noticed', 'court-action')`,
      [videoId, exceptId],
    );
    return row.count;
  }

  async dueForRestoration(now: Date, limit: number): Promise<string[]> {
    const rows = await this.em.execute<{ id: string }[]>(
      `select id from trust_safety.dmca_notices where status = 'counter-noticed' and restore_at <= ?
       order by restore_at limit ?`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  async page(
    filter: { status?: DmcaStatus; uploaderId?: string; videoId?: string },
    limit: number,
    after?: { createdAt: Date; id: string },
  ): Promise<DmcaNotice[]> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (filter.status) add('status = ?', filter.status);
    if (filter.uploaderId) add('uploader_id = ?', filter.uploaderId);
    if (filter.videoId) add('video_id = ?', filter.videoId);
    if (after) add('(created_at, id) < (?, ?)', after.createdAt, after.id);
    const rows = await this.em.execute<Row[]>(
      `select * from trust_safety.dmca_notices where ${where.join(' and ')} order by created_at desc, id desc limit ?`,
      [...params, limit],
    );
    return rows.map(toNotice);
  }
}
