import type { QuotaName } from '../../domain/plan/entitlements.js';

export interface UsagePeriod {
  start: Date;
  end: Date;
}

/** Per-user, per-period usage counts, changed atomically (two publishes racing for the last slot: one wins). */
export abstract class UsageCounters {
  /** Adds `amount` unless the total would pass `limit` (null: no limit); a repeated `key` counts once. */
  abstract consume(input: {
    userId: string;
    quota: QuotaName;
    period: UsagePeriod;
    amount: number;
    limit: number | null;
    key?: string;
  }): Promise<{ accepted: boolean; used: number }>;
  abstract release(input: {
    userId: string;
    quota: QuotaName;
    period: UsagePeriod;
    amount: number;
    key?: string;
  }): Promise<number>;
  abstract used(userId: string, quota: QuotaName, period: UsagePeriod): Promise<number>;
}
