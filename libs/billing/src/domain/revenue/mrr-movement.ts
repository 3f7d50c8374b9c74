/**
 * One change of a subscription's monthly recurring revenue, as billing records it.
 * Money is integer minor units (cents) per month in `currency`; MRR is 0 while the subscription
 * is trialing, paused, incomplete or ended.
 */
export interface MrrMovement {
  subscriptionId: string;
  userId: string;
  /** The plan after the movement (for a churn: the plan it left). */
  planId: string;
  /** Lowercase ISO 4217 code, e.g. `usd`. */
  currency: string;
  occurredAt: Date;
  /** Integer minor units per month, >= 0. */
  mrrBefore: number;
  /** Integer minor units per month, >= 0. */
  mrrAfter: number;
}

/** What a movement did to MRR; a movement that leaves MRR unchanged has no kind. */
export type MovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

/**
 * Classifies one movement from its MRR before and after.
 * `hadRevenueBefore` tells a first paid start (`new`) from a comeback after dropping to 0 (`reactivation`).
 * Returns null when MRR did not change (a trial start, a same-price plan switch): not an MRR movement.
 */
export function classifyMovement(
  movement: Pick<MrrMovement, 'mrrBefore' | 'mrrAfter'>,
  hadRevenueBefore: boolean,
): MovementKind | null {
  const { mrrBefore: before, mrrAfter: after } = movement;
  if (before === after) return null;
  if (before === 0) return hadRevenueBefore ? 'reactivation' : 'new';
  if (after === 0) return 'churn';
  return after > before ? 'expansion' : 'contraction';
}

/**
 * The monthly recurring amount of a price billed every month or every year, in the same minor units.
 * A yearly price counts as a twelfth of it, rounded to the nearest unit (4990/year → 416/month).
 */
export function monthlyRecurringAmount(unitAmount: number, interval: 'month' | 'year'): number {
  if (!Number.isSafeInteger(unitAmount) || unitAmount < 0) {
    throw new RangeError(`A price must be a non-negative integer amount of minor units, got ${unitAmount}`);
  }
  return interval === 'year' ? Math.round(unitAmount / 12) : unitAmount;
}
