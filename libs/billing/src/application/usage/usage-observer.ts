import type { QuotaLimit, QuotaName } from '../../domain/plan/entitlements.js';
import type { OverageRule } from '../../domain/usage/overage.js';
import type { UsagePeriod } from '../entitlements/usage-counters.js';

/** A consumption that committed: what alerts and overage reporting look at. */
export interface ConsumedUsage {
  userId: string;
  planId: string;
  quota: QuotaName;
  limit: QuotaLimit;
  used: number;
  period: UsagePeriod;
  /** The period counts (false: a running total that never resets, such as storage). */
  periodic: boolean;
  /** The billing period an alert is sent once in (for a running total: the current one, not the lifetime). */
  alertPeriod: UsagePeriod;
  overage: OverageRule | null;
}

/**
 * Runs after a consumption committed: usage alerts (once per period per threshold) and overage
 * reported to the provider's meter. Failures are its own to log: they never undo or refuse a
 * consumption, and the next consumption retries them (both are keyed).
 */
export abstract class UsageObserver {
  abstract consumed(usage: ConsumedUsage): Promise<void>;
}

export class NoUsageObserver extends UsageObserver {
  async consumed(): Promise<void> {}
}
