import { UsageCounters, type UsagePeriod } from '../../application/entitlements/usage-counters.js';
import type { QuotaName } from '../../domain/plan/entitlements.js';

/** Usage per user, quota and period, with the real counters' rules: a limit that refuses, a key counted once. */
export class InMemoryUsageCounters extends UsageCounters {
  private readonly counters = new Map<string, { quota: QuotaName; used: number; keys: Map<string, number> }>();

  async consume(input: {
    userId: string;
    quota: QuotaName;
    period: UsagePeriod;
    amount: number;
    limit: number | null;
    key?: string;
  }): Promise<{ accepted: boolean; used: number }> {
    const counter = this.counter(input.userId, input.quota, input.period);
    if (input.key && counter.keys.has(input.key)) return { accepted: true, used: counter.used };
    if (input.limit !== null && counter.used + input.amount > input.limit)
      return { accepted: false, used: counter.used };
    counter.used += input.amount;
    if (input.key) counter.keys.set(input.key, input.amount);
    return { accepted: true, used: counter.used };
  }

  async release(input: {
    userId: string;
    quota: QuotaName;
    period: UsagePeriod;
    amount: number;
    key?: string;
  }): Promise<number> {
    const counter = this.counter(input.userId, input.quota, input.period);
    if (input.key) {
      // As the SQL counters: back to whoever the key was counted against, whatever period it was in.
      for (const charged of this.counters.values()) {
        const amount = charged.quota === input.quota ? charged.keys.get(input.key) : undefined;
        if (amount === undefined) continue;
        charged.keys.delete(input.key);
        charged.used = Math.max(0, charged.used - amount);
      }
      return counter.used;
    }
    counter.used = Math.max(0, counter.used - input.amount);
    return counter.used;
  }

  async used(userId: string, quota: QuotaName, period: UsagePeriod): Promise<number> {
    return this.counter(userId, quota, period).used;
  }

  private counter(userId: string, quota: QuotaName, period: UsagePeriod) {
    const id = `${userId}|${quota}|${period.start.toISOString()}`;
    let counter = this.counters.get(id);
    if (!counter) this.counters.set(id, (counter = { quota, used: 0, keys: new Map() }));
    return counter;
  }
}
