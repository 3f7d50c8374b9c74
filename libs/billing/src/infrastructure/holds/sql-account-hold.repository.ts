import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AccountHoldRepository, type AccountHold, type HoldingSanction } from '../../domain/hold/account-hold.js';

@Injectable()
export class SqlAccountHoldRepository extends AccountHoldRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async of(userId: string): Promise<AccountHold | null> {
    const rows = await this.em.execute<
      { sanction: HoldingSanction; held_at: Date; paused_subscription_ids: string[] }[]
    >(
      'select sanction, held_at, paused_subscription_ids from billing.account_holds where user_id = ? order by held_at',
      [userId],
    );
    if (!rows.length) return null;
    return {
      userId,
      sanctions: rows.map((row) => row.sanction),
      heldSince: new Date(rows[0].held_at),
      pausedSubscriptionIds: [...new Set(rows.flatMap((row) => row.paused_subscription_ids))],
    };
  }

  async place(userId: string, sanction: HoldingSanction, at: Date): Promise<boolean> {
    const rows = await this.em.execute<{ user_id: string }[]>(
      `insert into billing.account_holds (user_id, sanction, held_at) values (?, ?, ?)
       on conflict (user_id, sanction) do nothing returning user_id`,
      [userId, sanction, at],
    );
    return rows.length > 0;
  }

  async notePaused(userId: string, sanction: HoldingSanction, subscriptionId: string): Promise<void> {
    await this.em.execute(
      `update billing.account_holds set paused_subscription_ids = array_append(paused_subscription_ids, ?)
       where user_id = ? and sanction = ? and not (? = any(paused_subscription_ids))`,
      [subscriptionId, userId, sanction, subscriptionId],
    );
  }

  async release(userId: string, sanction: HoldingSanction): Promise<{ released: boolean; toResume: string[] }> {
    const [removed] = await this.em.execute<{ paused_subscription_ids: string[] }[]>(
      'delete from billing.account_holds where user_id = ? and sanction = ? returning paused_subscription_ids',
      [userId, sanction],
    );
    if (!removed) return { released: false, toResume: [] };
    const [other] = await this.em.execute<{ sanction: string }[]>(
      'select sanction from billing.account_holds where user_id = ? order by held_at limit 1 for update',
      [userId],
    );
    if (!other) return { released: true, toResume: removed.paused_subscription_ids };
    if (!removed.paused_subscription_ids.length) return { released: true, toResume: [] };
    // knex expands an array binding into a list, hence array[?].
    await this.em.execute(
      `update billing.account_holds set paused_subscription_ids =
         array(select distinct unnest(paused_subscription_ids || array[?]::text[])) where user_id = ? and sanction = ?`,
      [removed.paused_subscription_ids, userId, other.sanction],
    );
    return { released: true, toResume: [] };
  }
}
