import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainFacts, VideoCatalogue } from '../../application/domain-facts.js';

/** Plain SQL on insights' side tables; called inside the consumer's inbox transaction. */
@Injectable()
export class SqlDomainFacts extends DomainFacts {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async recordUser(userId: string, email: string, registeredAt: Date): Promise<void> {
    await this.em.execute(
      `insert into insights.users (user_id, email, registered_at) values (?, ?, ?::timestamptz) on conflict (user_id) do update set email = excluded.email`,
      [userId, email, registeredAt.toISOString()],
    );
  }

  async recordSubscription(input: Parameters<DomainFacts['recordSubscription']>[0]): Promise<void> {
    await this.em.execute(
      `insert into insights.subscriptions (subscription_id, user_id, channel_id, plan_id, mrr_cents, currency, activated_at)
       values (?, ?, ?, ?, ?, ?, ?::timestamptz)
       on conflict (subscription_id) do update set plan_id = excluded.plan_id, mrr_cents = excluded.mrr_cents, ended_at = null,
         channel_id = coalesce(insights.subscriptions.channel_id, excluded.channel_id)`,
      [
        input.subscriptionId,
        input.userId,
        input.channelId,
        input.planId,
        input.mrrCents,
        input.currency,
        input.activatedAt.toISOString(),
      ],
    );
  }

  async updateSubscriptionMrr(subscriptionId: string, mrrCents: number, endedAt: Date | null) {
    const [previous] = await this.em.execute<Array<{ mrr_cents: number; channel_id: string | null }>>(
      `select mrr_cents, channel_id from insights.subscriptions where subscription_id = ? for update`,
      [subscriptionId],
    );
    if (!previous) return null;
    await this.em.execute(
      `update insights.subscriptions set mrr_cents = ?, ended_at = coalesce(?::timestamptz, ended_at) where subscription_id = ?`,
      [mrrCents, endedAt?.toISOString() ?? null, subscriptionId],
    );
    return { previousMrrCents: Number(previous.mrr_cents), channelId: previous.channel_id };
  }

  async recordMrrMovement(movement: Parameters<DomainFacts['recordMrrMovement']>[0]): Promise<void> {
    await this.em.execute(
      `insert into insights.mrr_movements (movement_id, subscription_id, occurred_at, kind, delta_cents) values (?, ?, ?::timestamptz, ?, ?) on conflict do nothing`,
      [movement.movementId, movement.subscriptionId, movement.at.toISOString(), movement.kind, movement.deltaCents],
    );
  }

  async recordRevenueEntry(entry: Parameters<DomainFacts['recordRevenueEntry']>[0]): Promise<void> {
    await this.em.execute(
      `insert into insights.revenue_entries (entry_id, stream, amount, currency, creator_id, occurred_at)
       values (?, ?, ?, ?, ?, ?::timestamptz) on conflict do nothing`,
      [entry.entryId, entry.stream, entry.amount, entry.currency, entry.creatorId, entry.at.toISOString()],
    );
  }

  async channelOfSubscription(subscriptionId: string): Promise<string | null> {
    const [row] = await this.em.execute<Array<{ channel_id: string | null }>>(
      `select channel_id from insights.subscriptions where subscription_id = ?`,
      [subscriptionId],
    );
    return row?.channel_id ?? null;
  }

  async channelOfPayment(paymentId: string): Promise<string | null> {
    const [row] = await this.em.execute<Array<{ channel_id: string | null }>>(
      `select channel_id from insights.events where source = 'domain' and name = 'payment' and properties->>'paymentId' = ? limit 1`,
      [paymentId],
    );
    return row?.channel_id ?? null;
  }

  async emailOf(userId: string): Promise<string | null> {
    const [row] = await this.em.execute<Array<{ email: string | null }>>(
      `select email from insights.users where user_id = ?`,
      [userId],
    );
    return row?.email ?? null;
  }
}

@Injectable()
export class SqlVideoCatalogue extends VideoCatalogue {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async recordChannel(channelId: string, ownerId: string, createdAt: Date): Promise<void> {
    await this.em.execute(
      `insert into insights.channels (channel_id, owner_id, created_at) values (?, ?, ?::timestamptz) on conflict (channel_id) do update set owner_id = excluded.owner_id`,
      [channelId, ownerId, createdAt.toISOString()],
    );
  }

  async upsert(video: Parameters<VideoCatalogue['upsert']>[0]): Promise<void> {
    await this.em.execute(
      `insert into insights.videos (video_id, channel_id, creator_id, title, duration_seconds, published_at) values (?, ?, ?, ?, ?, ?::timestamptz)
       on conflict (video_id) do update set channel_id = excluded.channel_id, creator_id = excluded.creator_id, title = excluded.title,
         duration_seconds = excluded.duration_seconds, published_at = coalesce(excluded.published_at, insights.videos.published_at)`,
      [
        video.videoId,
        video.channelId,
        video.creatorId,
        video.title,
        video.durationSeconds,
        video.publishedAt?.toISOString() ?? null,
      ],
    );
  }
}
