/** Tips to creators and what the creator's ledger records of them; pure rules, no framework. */
import { disputeTakesMoney, type PaymentDispute } from '../payment/payment-dispute.js';
import { TipAmountOutOfRangeError } from './tips.errors.js';

export interface TipLimits {
  min: number;
  max: number;
  currency: string;
  /** The platform's commission, in percent of the tip (0..100). */
  commissionPercent: number;
}

export type TipStatus = 'pending' | 'paid' | 'partially_refunded' | 'refunded' | 'disputed' | 'expired';

export interface Tip {
  id: string;
  fanId: string;
  creatorId: string;
  videoId: string | null;
  amount: number;
  commission: number;
  currency: string;
  message: string | null;
  status: TipStatus;
  checkoutSessionId: string | null;
  paymentIntentId: string | null;
  transferId: string | null;
  /** The creator's share already taken back (refunds, disputes). */
  creatorReversed: number;
  paidAt: Date | null;
  createdAt: Date;
}

/** The tip's split: what the platform keeps and what the creator gets. */
export function splitTip(amount: number, commissionPercent: number): { commission: number; net: number } {
  const commission = Math.round((amount * commissionPercent) / 100);
  return { commission, net: amount - commission };
}

export function assertTipAmount(amount: number, limits: TipLimits): void {
  if (!Number.isInteger(amount) || amount < limits.min || amount > limits.max) {
    throw new TipAmountOutOfRangeError({ amount, min: limits.min, max: limits.max, currency: limits.currency });
  }
}

/** What the payment provider says about a tip's payment now. */
export interface ProviderTipPayment {
  paymentIntentId: string;
  succeeded: boolean;
  amount: number;
  fee: number;
  currency: string;
  chargeId: string | null;
  transferId: string | null;
  amountRefunded: number;
  /** The charge's dispute, if it has one (Stripe allows one per charge). */
  dispute: PaymentDispute | null;
}

/**
 * How much of the creator's share should be taken back by now: all of it while a dispute is open or once it is lost
 * (the platform is debited the whole charge), else the refunded fraction of it (a won dispute gives the rest back).
 */
export function creatorShareToReverse(payment: ProviderTipPayment): number {
  const net = payment.amount - payment.fee;
  if (disputeTakesMoney(payment.dispute)) return net;
  return Math.min(net, Math.round((net * payment.amountRefunded) / payment.amount));
}

/** A change of the creator's share taken back: positive takes more back, negative gives back (a won dispute). */
export interface CreatorShareMove {
  /** The share taken back once this move is made. */
  target: number;
  delta: number;
  /** The ledger and journal key: unique per move, so a redelivered event moves nothing twice. */
  sourceKey: string;
}

/**
 * The move that brings a tip from `reversedSoFar` to what its payment says now, or null when nothing moves. Stripe
 * allows one dispute per charge, so a won dispute gives back once (`reinstated-to`); reversals after it get keys of
 * their own, since their targets may repeat one taken before the win.
 */
export function creatorShareMove(
  tipId: string,
  reversedSoFar: number,
  payment: ProviderTipPayment,
): CreatorShareMove | null {
  const target = creatorShareToReverse(payment);
  if (target === reversedSoFar) return null;
  const delta = target - reversedSoFar;
  if (delta < 0) return { target, delta, sourceKey: `tip:${tipId}:reinstated-to:${target}` };
  const afterWin = payment.dispute?.outcome === 'won' ? 'dispute-won:' : '';
  return { target, delta, sourceKey: `tip:${tipId}:${afterWin}reversed-to:${target}` };
}

export function statusOf(payment: ProviderTipPayment): TipStatus {
  if (!payment.succeeded) return 'pending';
  if (disputeTakesMoney(payment.dispute)) return 'disputed';
  if (payment.amountRefunded >= payment.amount) return 'refunded';
  if (payment.amountRefunded > 0) return 'partially_refunded';
  return 'paid';
}

/** `reinstatement`: the share a won dispute gives back (a positive line undoing part of the reversals). */
export type LedgerEntryKind = 'tip' | 'reversal' | 'ad_share' | 'reinstatement';

/** One line of a creator's ledger: money in (a tip) or back out (its refund or dispute). */
export interface LedgerEntry {
  id: string;
  creatorId: string;
  kind: LedgerEntryKind;
  /** Unique per effect, so a redelivered event records nothing twice. */
  sourceKey: string;
  /** Null for an `ad_share` (ads' settlement, not a tip). */
  tipId: string | null;
  gross: number;
  commission: number;
  net: number;
  currency: string;
  occurredAt: Date;
  /**
   * An `ad_share`'s transfer to the creator's payout account; null until made (no active account yet). Tips need
   * none: their destination charge transferred the share.
   */
  transferId?: string | null;
}

export type PayoutStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';

export interface CreatorPayout {
  providerPayoutId: string;
  creatorId: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
  arrivalDate: Date | null;
  failureCode: string | null;
  createdAt: Date;
}

export interface LedgerTotals {
  currency: string;
  tipsGross: number;
  commission: number;
  tipsNet: number;
  /** The creator's share of ad revenue on their videos (ads' settlements). */
  adShare: number;
  /** The part of `adShare` not yet transferred to the creator's payout account (none active yet). */
  adShareAwaitingTransfer: number;
  reversed: number;
  paidOut: number;
  inTransit: number;
}

/** Totals per currency of the entries and payouts given (a period's, or all of them for the balance). */
export function ledgerTotals(entries: LedgerEntry[], payouts: CreatorPayout[]): LedgerTotals[] {
  const byCurrency = new Map<string, LedgerTotals>();
  const totals = (currency: string) => {
    let found = byCurrency.get(currency);
    if (!found) {
      found = {
        currency,
        tipsGross: 0,
        commission: 0,
        tipsNet: 0,
        adShare: 0,
        adShareAwaitingTransfer: 0,
        reversed: 0,
        paidOut: 0,
        inTransit: 0,
      };
      byCurrency.set(currency, found);
    }
    return found;
  };
  for (const entry of entries) {
    const row = totals(entry.currency);
    if (entry.kind === 'tip') {
      row.tipsGross += entry.gross;
      row.commission += entry.commission;
      row.tipsNet += entry.net;
    } else if (entry.kind === 'ad_share') {
      row.adShare += entry.net;
      if (!entry.transferId) row.adShareAwaitingTransfer += entry.net;
    } else row.reversed += -entry.net; // reversals are negative lines, reinstatements positive ones undoing them
  }
  for (const payout of payouts) {
    const row = totals(payout.currency);
    if (payout.status === 'paid') row.paidOut += payout.amount;
    else if (payout.status === 'pending' || payout.status === 'in_transit') row.inTransit += payout.amount;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * What the creator is owed and not yet paid out: net tips and ad share, minus reversals, minus payouts not failed.
 * Both shares reach the payout account (a tip by its destination charge, an ad share by a transfer) and leave it by
 * the same payouts.
 */
export function balanceOf(totals: LedgerTotals): number {
  return totals.tipsNet + totals.adShare - totals.reversed - totals.paidOut - totals.inTransit;
}

export type PayoutAccountStatus = 'onboarding' | 'active' | 'restricted';

export interface PayoutAccount {
  creatorId: string;
  providerAccountId: string;
  status: PayoutAccountStatus;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Stripe's account flags in our words: able to receive tips, still onboarding, or stopped by Stripe. */
export function payoutAccountStatus(flags: {
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  transfersActive: boolean;
}): PayoutAccountStatus {
  if (flags.transfersActive && flags.payoutsEnabled) return 'active';
  return flags.detailsSubmitted ? 'restricted' : 'onboarding';
}

export type PayoutHoldReason = 'suspension' | 'ban' | 'dmca';

/** Why a creator's payouts are held: one row per sanction or taken-down video. */
export interface PayoutHold {
  creatorId: string;
  reason: PayoutHoldReason;
  sourceId: string;
  heldAt: Date;
}
