import { EntitySchema } from '@mikro-orm/postgresql';

/** One integration event waiting in the outbox (written in the same transaction as its aggregate). */
export class OutboxMessage {
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
  properties: {
    id: { type: 'uuid', primary: true },
    type: { type: 'text' },
    payload: { type: 'json' },
    aggregateId: { type: 'text', nullable: true },
    aggregateVersion: { type: 'integer', nullable: true },
    occurredAt: { type: 'datetime' },
    publishedAt: { type: 'datetime', nullable: true },
  },
});
