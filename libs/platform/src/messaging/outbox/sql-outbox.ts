import { Injectable } from '@nestjs/common';
import type { AggregateRoot } from '@lib/platform/ddd';
import { BoundSql } from '../../persistence/bound-sql.js';
import { MessagingRegistry } from '../messaging-registry.js';
import { outboxMessagesOf } from './outbox-messages.js';

const COLUMNS = '(id, type, payload, aggregate_id, aggregate_version, occurred_at)';
const ROW = '(?, ?, ?::json, ?, ?, ?)';

/** An `insert into platform.outbox …` statement with its `?` values, to run alone or as a CTE of the aggregate's own write. */
export interface OutboxInsert {
  sql: string;
  params: unknown[];
}

/**
 * The outbox for aggregates a repository saves with hand-written SQL (a hot path that skips MikroORM's unit
 * of work): the rows `OutboxWriter` would have written at flush, so the aggregate and its events still commit or
 * roll back together — inserted on the caller's transaction (`append`), or inside the aggregate's own statement
 * (`insertOf`, as a data-modifying CTE).
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
    const insert = this.insertOf(aggregate, version);
    if (insert) await this.sql.execute(insert.sql, insert.params);
  }

  /**
   * The insert of the events `aggregate` recorded, for the caller to run in the same statement as the aggregate's
   * write (`with outbox as (<sql>) insert into …`); null when no event leaves the context. Empties its list.
   */
  insertOf(aggregate: AggregateRoot, version: number): OutboxInsert | null {
    const messages = outboxMessagesOf(this.registry, aggregate, version);
    if (!messages.length) return null;
    return {
      sql: `insert into platform.outbox ${COLUMNS} values ${messages.map(() => ROW).join(', ')}`,
      params: messages.flatMap((m) => [
        m.id,
        m.type,
        JSON.stringify(m.payload),
        m.aggregateId,
        m.aggregateVersion,
        m.occurredAt,
      ]),
    };
  }
}
