import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, InvalidCursorError, newId } from '@lib/platform';
import type { AuditEntry } from '../../contracts/index.js';
import { chainHash, GENESIS_HASH, type ChainedEntry } from '../../domain/audit/audit-chain.js';
import {
  AuditTrail,
  type AuditEntryView,
  type AuditFilter,
  type ChainVerification,
} from '../../application/audit/audit-trail.js';

interface AuditRow {
  seq: string;
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  reason: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

const VERIFY_BATCH = 1_000;

@Injectable()
export class SqlAuditTrail extends AuditTrail {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async append(entry: AuditEntry, at: Date): Promise<void> {
    // One writer at a time: each entry must chain to the one committed before it.
    await this.em.execute(`select pg_advisory_xact_lock(hashtext('trust_safety.audit_log'))`);
    const [last] = await this.em.execute<{ hash: string }[]>(
      'select hash from trust_safety.audit_log order by seq desc limit 1',
    );
    // Round-trip through JSON so the hash covers exactly what jsonb will store.
    const data = JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>;
    const chained: ChainedEntry = {
      id: newId(),
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id,
      reason: entry.reason ?? null,
      data,
      occurredAt: at,
    };
    const previousHash = last?.hash ?? GENESIS_HASH;
    await this.em.execute(
      `insert into trust_safety.audit_log (id, actor_id, action, target_type, target_id, reason, data, occurred_at, prev_hash, hash)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
      [
        chained.id,
        chained.actorId,
        chained.action,
        chained.targetType,
        chained.targetId,
        chained.reason,
        JSON.stringify(data),
        at,
        previousHash,
        chainHash(previousHash, chained),
      ],
    );
  }

  async page(filter: AuditFilter, limit: number, cursor?: string) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (filter.actorId) add('actor_id = ?', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.targetType) add('target_type = ?', filter.targetType);
    if (filter.targetId) add('target_id = ?', filter.targetId);
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (cursor) {
      const [seq] = decodeCursor(cursor) ?? [];
      if (typeof seq !== 'string' || !/^\d{1,19}$/.test(seq)) throw new InvalidCursorError();
      add('seq < ?::bigint', seq);
    }
    const rows = await this.em.execute<AuditRow[]>(
      `select * from trust_safety.audit_log ${where.length ? `where ${where.join(' and ')}` : ''}
        order by seq desc limit ?`,
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map(toView);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor([String(last.seq)]) : undefined };
  }

  async verify(onProgress?: (checked: number, total: number) => void): Promise<ChainVerification> {
    const [{ total }] = await this.em.execute<{ total: string }[]>(
      'select count(*) as total from trust_safety.audit_log',
    );
    let previousHash = GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    for (;;) {
      const rows = await this.em.execute<AuditRow[]>(
        'select * from trust_safety.audit_log where seq > ?::bigint order by seq limit ?',
        [afterSeq, VERIFY_BATCH],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        if (row.prev_hash !== previousHash)
          return { checked, broken: { seq, id: row.id, problem: 'previous-hash-mismatch' } };
        const expected = chainHash(previousHash, {
          id: row.id,
          actorId: row.actor_id,
          action: row.action,
          targetType: row.target_type,
          targetId: row.target_id,
          reason: row.reason,
          data: row.data,
          occurredAt: new Date(row.occurred_at),
        });
        if (row.hash !== expected) return { checked, broken: { seq, id: row.id, problem: 'hash-mismatch' } };
        previousHash = row.hash;
        checked += 1;
      }
      onProgress?.(checked, Number(total));
      if (rows.length < VERIFY_BATCH) return { checked, broken: null };
      afterSeq = rows[rows.length - 1].seq;
    }
  }
}

function toView(row: AuditRow): AuditEntryView {
  return {
    seq: Number(row.seq),
    id: row.id,
    actorId: row.actor_id,
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    reason: row.reason,
    data: row.data,
    occurredAt: new Date(row.occurred_at).toISOString(),
    hash: row.hash,
    previousHash: row.prev_hash,
  };
}
