import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { MessagingRegistry, OutboxMessage } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { RevenueRecordedV1 } from '../../contracts/events/revenue-recorded.v1.js';
import {
  RevenueJournal,
  type RevenueEntry,
  type RevenueStream,
  type RevenueStreamBucketTotal,
  type RevenueStreamTotal,
} from '../../domain/revenue/revenue-journal.js';

@Injectable()
export class SqlRevenueJournal extends RevenueJournal {
  constructor(
    private readonly em: EntityManager,
    private readonly registry: MessagingRegistry,
  ) {
    super();
  }

  async record(entry: RevenueEntry) {
    const rows = await this.em.execute<{ id: string }[]>(
      `insert into billing.revenue_entries (id, stream, source_key, amount, currency, creator_id, occurred_at)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (source_key) do nothing returning id`,
      [entry.id, entry.stream, entry.sourceKey, entry.amount, entry.currency, entry.creatorId, entry.occurredAt],
    );
    if (!rows.length) return false;
    // In the entry's transaction: insights' roll-up gets exactly the entries the admin metrics sum.
    const { type, payload } = this.registry.serialize(
      new RevenueRecordedV1({
        entryId: entry.id,
        stream: entry.stream,
        amount: entry.amount,
        currency: entry.currency,
        creatorId: entry.creatorId,
        occurredAt: entry.occurredAt.toISOString(),
      }),
    );
    this.em.persist(new OutboxMessage(newId(), type, payload, entry.id, null, entry.occurredAt));
    await this.em.flush();
    return true;
  }

  async totals(range: { from: Date; to: Date }): Promise<RevenueStreamTotal[]> {
    const rows = await this.em.execute<{ stream: string; currency: string; amount: string }[]>(
      `select stream, currency, sum(amount)::bigint as amount from billing.revenue_entries
       where occurred_at >= ? and occurred_at < ? group by stream, currency order by currency, stream`,
      [range.from, range.to],
    );
    return rows.map((row) => ({
      stream: row.stream as RevenueStream,
      currency: row.currency,
      amount: Number(row.amount),
    }));
  }

  async bucketed(
    range: { from: Date; to: Date },
    interval: 'day' | 'week' | 'month',
  ): Promise<RevenueStreamBucketTotal[]> {
    // date_trunc on UTC wall time: days at 00:00Z, ISO weeks from Monday, months from the 1st, as the MRR buckets.
    const unit = ({ day: 'day', week: 'week', month: 'month' } as const)[interval];
    const rows = await this.em.execute<{ bucket: string; stream: string; currency: string; amount: string }[]>(
      `select date_trunc('${unit}', occurred_at at time zone 'UTC') at time zone 'UTC' as bucket, stream, currency,
              sum(amount)::bigint as amount
       from billing.revenue_entries where occurred_at >= ? and occurred_at < ?
       group by 1, stream, currency order by 1, currency, stream`,
      [range.from, range.to],
    );
    return rows.map((row) => ({
      bucketStart: new Date(row.bucket),
      stream: row.stream as RevenueStream,
      currency: row.currency,
      amount: Number(row.amount),
    }));
  }
}
