import type { QuotaName } from '../../domain/plan/entitlements.js';

/**
 * Overage units reported to the payment provider's meter, which bills them on the period's invoice.
 * `report` sends the difference between `totalUnits` and what was reported for the period, keyed by
 * the new total, so concurrent or retried reports bill each unit once.
 */
export abstract class OverageMeter {
  abstract report(input: {
    userId: string;
    planId: string;
    quota: QuotaName;
    periodStart: Date;
    totalUnits: number;
  }): Promise<void>;
}
