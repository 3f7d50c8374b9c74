import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { QuotaName } from '../../domain/plan/entitlements.js';
import { UsageCounters, type UsagePeriod } from '../../application/entitlements/usage-counters.js';

/**
 * Usage counters as single SQL statements: the limit is checked in the same statement that adds to
 * the counter, so concurrent consumers can never overshoot it.
 */
@Injectable()
export class SqlUsageCounters extends UsageCounters {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async consume(input: {
    userId: string;
    quota: QuotaName;
    period: UsagePeriod;
    amount: number;
    limit: number | null;
    key?: string;
  }) {
    return this.em.transactional(async (em) => {
      if (input.key) {
        const recorded = await em.execute<unknown[]>(
          `insert into billing.usage_records (user_id, quota, key, amount, period_start, created_at)
           values (?, ?, ?, ?, ?::timestamptz, now()) on conflict do nothing returning 1`,
          [input.userId, input.quota, input.key, input.amount, input.period.start.toISOString()],
        );
        // Already counted under this key: report the current total, count nothing.
        if (!recorded.length)
          return { accepted: true, used: await this.usedWith(em, input.userId, input.quota, input.period) };
      }
      const rows = await em.execute<Array<{ used: number }>>(
        `insert into billing.usage_counters as c (user_id, quota, period_start, period_end, used)
         select ?, ?, ?::timestamptz, ?::timestamptz, ? where ?::bigint is null or ? <= ?::bigint
         on conflict (user_id, quota, period_start) do update set used = c.used + excluded.used
           where ?::bigint is null or c.used + excluded.used <= ?::bigint
         returning used`,
        [
          input.userId,
          input.quota,
          input.period.start.toISOString(),
          input.period.end.toISOString(),
          input.amount,
          input.limit,
          input.amount,
          input.limit,
          input.limit,
          input.limit,
        ],
      );
      if (rows.length) return { accepted: true, used: Number(rows[0].used) };
      if (input.key) {
        // The key must not stay recorded for a consumption that did not happen.
        await em.execute(`delete from billing.usage_records where user_id = ? and quota = ? and key = ?`, [
          input.userId,
          input.quota,
          input.key,
        ]);
      }
      return { accepted: false, used: await this.usedWith(em, input.userId, input.quota, input.period) };
    });
  }

  async release(input: { userId: string; quota: QuotaName; period: UsagePeriod; amount: number; key?: string }) {
    return this.em.transactional(async (em) => {
      if (input.key) {
        // What the key counted goes back to whoever it was counted against, in the period it was counted in:
        // a channel's files are charged to its owner at upload, and the channel may have changed owner since.
        const removed = await em.execute<Array<{ user_id: string; amount: string; period_start: Date }>>(
          `delete from billing.usage_records where quota = ? and key = ? returning user_id, amount, period_start`,
          [input.quota, input.key],
        );
        for (const record of removed)
          await em.execute(
            `update billing.usage_counters set used = greatest(0, used - ?) where user_id = ? and quota = ? and period_start = ?`,
            [Number(record.amount), record.user_id, input.quota, record.period_start],
          );
        return this.usedWith(em, input.userId, input.quota, input.period);
      }
      const rows = await em.execute<Array<{ used: number }>>(
        `update billing.usage_counters set used = greatest(0, used - ?) where user_id = ? and quota = ? and period_start = ?::timestamptz returning used`,
        [input.amount, input.userId, input.quota, input.period.start.toISOString()],
      );
      return rows.length ? Number(rows[0].used) : 0;
    });
  }

  used(userId: string, quota: QuotaName, period: UsagePeriod) {
    return this.usedWith(this.em, userId, quota, period);
  }

  private async usedWith(em: EntityManager, userId: string, quota: QuotaName, period: UsagePeriod): Promise<number> {
    const rows = await em.execute<Array<{ used: number }>>(
      `select used from billing.usage_counters where user_id = ? and quota = ? and period_start = ?::timestamptz`,
      [userId, quota, period.start.toISOString()],
    );
    return rows.length ? Number(rows[0].used) : 0;
  }
}
