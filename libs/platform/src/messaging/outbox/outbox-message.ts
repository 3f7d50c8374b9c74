import { EntitySchema } from '@mikro-orm/postgresql';

/** One integration event waiting in the outbox (written in the same transaction as its aggregate). */
export class OutboxMessage {
  /** Set by the database on insert (occurredAt is the fact's own time). */
  readonly createdAt?: Date;
  publishedAt?: Date;

  constructor(
    readonly id: string,
    readonly type: string,
    readonly payload: Record<string, unknown>,
    readonly aggregateId: string | null,
    readonly aggregateVersion: number | null,
    readonly occurredAt: Date,
  ) {}
}

export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  schema: 'platform',
  tableName: 'outbox',
  indexes: [
    {
      name: 'outbox_unpublished_idx',
      expression: 'create index "outbox_unpublished_idx" on "platform"."outbox" ("id") where published_at is null',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    type: { type: 'text' },
    payload: { type: 'json' },
    aggregateId: { type: 'text', nullable: true },
    aggregateVersion: { type: 'integer', nullable: true },
    occurredAt: { type: 'datetime' },
    createdAt: { type: 'datetime', defaultRaw: 'now()', nullable: false },
    publishedAt: { type: 'datetime', nullable: true },
  },
});
