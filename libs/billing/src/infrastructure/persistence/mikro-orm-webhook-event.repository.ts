import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { WebhookEvent, type WebhookStatus } from '../../domain/webhook/webhook-event.js';
import { WebhookEventRepository } from '../../domain/webhook/webhook-event.repository.js';

/** Received events older than this without being processed are considered lost by the queue. */
const PICKUP_GRACE_SECONDS = 30;

@Injectable()
export class MikroOrmWebhookEventRepository extends WebhookEventRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async store(event: WebhookEvent): Promise<{ id: string; duplicate: boolean; awaiting: boolean }> {
    // One statement decides under concurrency: the unique key lets exactly one delivery insert.
    const inserted = await this.em.execute<Array<{ id: string }>>(
      `insert into billing.webhook_events
         (id, provider, provider_event_id, type, payload, provider_created_at, provider_customer_id, status, attempts, received_at)
       values (?, ?, ?, ?, ?::jsonb, ?::timestamptz, ?, 'received', 0, ?::timestamptz)
       on conflict (provider, provider_event_id) do nothing
       returning id`,
      [
        event.id,
        event.provider,
        event.providerEventId,
        event.type,
        JSON.stringify(event.payload),
        event.providerCreatedAt.toISOString(),
        event.providerCustomerId,
        event.receivedAt.toISOString(),
      ],
    );
    if (inserted.length) return { id: inserted[0].id, duplicate: false, awaiting: true };
    const [existing] = await this.em.execute<Array<{ id: string; status: WebhookStatus }>>(
      `select id, status from billing.webhook_events where provider = ? and provider_event_id = ?`,
      [event.provider, event.providerEventId],
    );
    return { id: existing.id, duplicate: true, awaiting: existing.status === 'received' };
  }

  byId(id: string) {
    return this.em.findOne(WebhookEvent, { id });
  }

  byIdForUpdate(id: string) {
    return this.em.findOne(
      WebhookEvent,
      { id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['payload'] },
    );
  }

  async lockCustomer(providerCustomerId: string): Promise<void> {
    // A transaction-scoped advisory lock: released by the commit or rollback, whatever happens.
    await this.em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      `billing:customer:${providerCustomerId}`,
    ]);
  }

  due(now: Date, maxAttempts: number, limit: number) {
    return this.em.find(
      WebhookEvent,
      {
        $or: [
          { status: 'received', receivedAt: { $lte: new Date(now.getTime() - PICKUP_GRACE_SECONDS * 1_000) } },
          { status: { $in: ['failed', 'unresolved'] }, nextAttemptAt: { $lte: now }, attempts: { $lt: maxAttempts } },
        ],
      },
      { orderBy: { receivedAt: 'asc' }, limit },
    );
  }

  unresolvedOfCustomer(providerCustomerId: string) {
    return this.em.find(WebhookEvent, { status: 'unresolved', providerCustomerId }, { orderBy: { receivedAt: 'asc' } });
  }

  page(filter: { status?: WebhookStatus; type?: string }, limit: number, beforeId?: string) {
    return this.em.find(
      WebhookEvent,
      {
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.type ? { type: filter.type } : {}),
        ...(beforeId ? { id: { $lt: beforeId } } : {}),
      },
      { orderBy: { id: 'desc' }, limit },
    );
  }
}
