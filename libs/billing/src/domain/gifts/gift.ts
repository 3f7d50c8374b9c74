/** Gift subscriptions: a month or a year of a plan bought for someone and redeemed once by code; pure rules. */
import type { Access } from '../entitlement/access-policy.js';
import { disputeTakesMoney, type PaymentDispute } from '../payment/payment-dispute.js';
import {
  GiftAlreadyRedeemedError,
  GiftDisputedError,
  GiftExpiredError,
  GiftNotPaidError,
  GiftRefundedError,
  GiftNotRefundableError,
} from './gift.errors.js';

export type GiftPeriod = 'month' | 'year';
export const GIFT_PERIODS: GiftPeriod[] = ['month', 'year'];

export type GiftStatus = 'pending' | 'paid' | 'redeemed' | 'refund_pending' | 'refunded' | 'expired' | 'disputed';

/** A gift can be redeemed this long after it was paid for (as Ghost does). */
export const GIFT_REDEEM_WINDOW_DAYS = 365;
const DAY_MS = 86_400_000;

export interface Gift {
  id: string;
  /** The redemption code: the secret of the redemption link. */
  code: string;
  buyerId: string;
  planId: string;
  period: GiftPeriod;
  amount: number;
  currency: string;
  recipientEmail: string | null;
  message: string | null;
  status: GiftStatus;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  /** What the provider has refunded so far (journaled as negative `gifts` revenue). */
  refundedAmount: number;
  paidAt: Date | null;
  redeemedBy: string | null;
  redeemedAt: Date | null;
  grantEndsAt: Date | null;
  createdAt: Date;
}

/** The last moment a paid gift can be redeemed. */
export function redeemableUntil(gift: Pick<Gift, 'paidAt'>): Date | null {
  return gift.paidAt ? new Date(gift.paidAt.getTime() + GIFT_REDEEM_WINDOW_DAYS * DAY_MS) : null;
}

/** The end of the access a gift gives when redeemed at `start`: one calendar month or year later. */
export function giftGrantEnd(start: Date, period: GiftPeriod): Date {
  const end = new Date(start);
  if (period === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  // 31 January + 1 month overflows into March in JS; clamp to the month's last day as Stripe does.
  if (period === 'month' && end.getUTCMonth() !== (start.getUTCMonth() + 1) % 12) end.setUTCDate(0);
  return end;
}

/** Why a gift cannot be redeemed at `now`, thrown as the matching domain error. */
export function assertRedeemable(gift: Gift, now: Date): void {
  switch (gift.status) {
    case 'redeemed':
      throw new GiftAlreadyRedeemedError(gift.redeemedAt);
    case 'refund_pending':
    case 'refunded':
      throw new GiftRefundedError();
    case 'disputed':
      throw new GiftDisputedError();
    case 'pending':
    case 'expired':
      throw new GiftNotPaidError();
    case 'paid':
      break;
  }
  const until = redeemableUntil(gift)!;
  if (now >= until) throw new GiftExpiredError(until);
}

/** Marks the gift redeemed by `userId` at `now`; the caller checked `assertRedeemable`. */
export function redeem(gift: Gift, userId: string, now: Date): Gift {
  return {
    ...gift,
    status: 'redeemed',
    redeemedBy: userId,
    redeemedAt: now,
    grantEndsAt: giftGrantEnd(now, gift.period),
  };
}

/** A buyer may ask for a refund of a paid gift nobody has redeemed. */
export function assertRefundable(gift: Gift): void {
  if (gift.status === 'redeemed') throw new GiftAlreadyRedeemedError(gift.redeemedAt);
  if (gift.status === 'refunded') throw new GiftRefundedError();
  if (gift.status !== 'paid' && gift.status !== 'refund_pending') throw new GiftNotRefundableError(gift.status);
}

/**
 * The gift once the provider has refunded `refundedAmount` of the `paid` amount. A full refund ends it: an unredeemed
 * gift can no longer be redeemed, and a redeemed one's access ends at `now` (nothing of it is paid for any more;
 * docs/adr/0061). A partial refund (a goodwill credit) changes no access.
 */
export function afterProviderRefund(gift: Gift, paid: number, now: Date): Gift {
  if (gift.refundedAmount < paid || gift.status === 'refunded') return gift;
  const grantEndsAt = gift.grantEndsAt && gift.grantEndsAt > now ? now : gift.grantEndsAt;
  return { ...gift, status: 'refunded', grantEndsAt };
}

/**
 * The gift once its payment's dispute is as the provider says (docs/adr/0066). An open or lost dispute acts as a full
 * refund: the gift is `disputed`, not redeemable, and a redeemed one's access ends at `now`. A won dispute undoes
 * that: an unredeemed gift is `paid` again (redeemable within its 365 days), a redeemed one `redeemed` with its access
 * until the end its redemption gave. A refunded gift stays refunded (its money went back already).
 */
export function afterProviderDispute(gift: Gift, dispute: PaymentDispute | null, now: Date): Gift {
  if (disputeTakesMoney(dispute)) {
    if (gift.status !== 'paid' && gift.status !== 'redeemed' && gift.status !== 'refund_pending') return gift;
    const grantEndsAt = gift.grantEndsAt && gift.grantEndsAt > now ? now : gift.grantEndsAt;
    return { ...gift, status: 'disputed', grantEndsAt };
  }
  if (dispute?.outcome !== 'won' || gift.status !== 'disputed') return gift;
  if (!gift.redeemedAt) return { ...gift, status: 'paid' };
  return { ...gift, status: 'redeemed', grantEndsAt: giftGrantEnd(gift.redeemedAt, gift.period) };
}

/**
 * What a dispute takes from the gifts revenue (journaled negative when it opens, given back when it is won): the
 * disputed amount, at most what was not refunded already.
 */
export function disputedRevenue(gift: Pick<Gift, 'amount' | 'refundedAmount'>, dispute: PaymentDispute): number {
  return Math.min(dispute.amount, gift.amount - gift.refundedAmount);
}

/** What the provider says about a gift's payment now. */
export interface ProviderGiftPayment {
  paymentIntentId: string;
  giftId: string | null;
  succeeded: boolean;
  amount: number;
  currency: string;
  amountRefunded: number;
  /** The charge's dispute, if it has one (Stripe allows one per charge). */
  dispute: PaymentDispute | null;
}

/** A redeemed gift in force: its plan until its end. */
export interface GiftGrant {
  giftId: string;
  planId: string;
  endsAt: Date;
}

/**
 * The access a user has with their gifts on top of what their subscriptions give: the highest-ranked gift in force
 * wins when it is above the subscriptions' plan, until its end, after which the subscriptions' access follows.
 */
export function accessWithGifts(
  access: Access,
  gifts: GiftGrant[],
  now: Date,
  planRank: (planId: string) => number,
): Access {
  const best = gifts
    .filter((gift) => gift.endsAt > now)
    .reduce<GiftGrant | null>((top, gift) => (!top || planRank(gift.planId) > planRank(top.planId) ? gift : top), null);
  if (!best || planRank(best.planId) <= planRank(access.planId)) return access;
  // After the gift: the plan the subscriptions give (or what follows it, if that lapses first).
  const then =
    access.validUntil && access.validUntil <= best.endsAt ? (access.thenPlanId ?? access.planId) : access.planId;
  return { ...access, planId: best.planId, validUntil: best.endsAt, thenPlanId: then };
}
