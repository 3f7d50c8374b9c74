import { Injectable } from '@nestjs/common';
import type { AggregateRoot } from '@lib/platform/ddd';
import { BoundSql } from '../../persistence/bound-sql.js';
import { MessagingRegistry } from '../messaging-registry.js';
import { outboxMessagesOf } from './outbox-messages.js';

const COLUMNS = '(id, type, payload, aggregate_id, aggregate_version, occurred_at)';
const ROW = '(?, ?, ?::json, ?, ?, ?)';

/**
 * The outbox for aggregates a repository saves with hand-written SQL (a hot path that skips MikroORM's unit
 * of work): the rows `OutboxWriter` would have written at flush, inserted in one statement on the caller's
 * transaction, so the aggregate and its events still commit or roll back together.
 */
@Injectable()
export class SqlOutbox {
  constructor(
    private readonly sql: BoundSql,
    private readonly registry: MessagingRegistry,
  ) {}

  /** Appends the events `aggregate` recorded, saved at `version` (1 when created); empties its list. */
  async append(aggregate: AggregateRoot, version: number): Promise<void> {
    if (!aggregate.hasPendingEvents()) return;
    // Outside a transaction the rows would commit without the aggregate's own write (or with its rollback).
    if (!this.sql.inTransaction())
      throw new Error(`${aggregate.constructor.name} ${aggregate.id}: outbox rows are appended inside a unit of work`);
    const messages = outboxMessagesOf(this.registry, aggregate, version);
    if (!messages.length) return;
    await this.sql.execute(
      `insert into platform.outbox ${COLUMNS} values ${messages.map(() => ROW).join(', ')}`,
      messages.flatMap((m) => [
        m.id,
        m.type,
        JSON.stringify(m.payload),
        m.aggregateId,
        m.aggregateVersion,
        m.occurredAt,
      ]),
    );
  }
}
