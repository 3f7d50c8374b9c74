import { Injectable } from '@nestjs/common';
import { newId } from '@lib/platform/ddd';
import {
  afterProviderDispute,
  afterProviderRefund,
  disputedRevenue,
  type Gift,
  type ProviderGiftPayment,
} from '../../domain/gifts/gift.js';
import { GiftRepository } from '../../domain/gifts/gift.repository.js';
import { RevenueJournal } from '../../domain/revenue/revenue-journal.js';
import { EntitlementRefresher } from '../entitlements/entitlement-refresher.js';
import { GiftProvider, type GiftFact } from '../gift-provider.js';
import { GiftEvents } from './gift-events.js';

/**
 * Applies gift events: each fact makes us read the payment from the provider and converge on it under the gift's
 * row lock, so duplicated and out-of-order deliveries have one effect. Payment journals `gifts` revenue and writes
 * `billing.gift-paid.v1` to the outbox (the recipient's mail follows it); a refund journals it back, and a full one
 * ends a redeemed gift's access at once; a dispute does the same until it is won, which gives both back (ADR 0066).
 * Returns null for events that are not about a gift of ours.
 */
@Injectable()
export class GiftFactApplier {
  constructor(
    private readonly provider: GiftProvider,
    private readonly gifts: GiftRepository,
    private readonly journal: RevenueJournal,
    private readonly events: GiftEvents,
    private readonly refresher: EntitlementRefresher,
  ) {}

  async apply(fact: GiftFact): Promise<string | null> {
    if (fact.kind === 'gift-checkout') {
      const gift = await this.gifts.byIdForUpdate(fact.giftId);
      if (!gift) return 'gift-unknown';
      if (fact.expired) {
        if (gift.status !== 'pending') return 'gift-already-settled';
        await this.gifts.save({ ...gift, status: 'expired' });
        return 'gift-expired';
      }
      return fact.paymentIntentId ? this.sync(gift, fact.paymentIntentId) : 'gift-unpaid';
    }
    const giftId = fact.giftId ?? (await this.gifts.idOfPaymentIntent(fact.paymentIntentId));
    if (!giftId) return null;
    const gift = await this.gifts.byIdForUpdate(giftId);
    if (!gift) return fact.giftId ? 'gift-unknown' : null;
    return this.sync(gift, fact.paymentIntentId);
  }

  /** Brings a locked gift to its payment's state at the provider (inside the caller's transaction). */
  async sync(gift: Gift, paymentIntentId: string): Promise<string> {
    const payment = await this.provider.retrieveGiftPayment(paymentIntentId);
    if (payment.giftId && payment.giftId !== gift.id)
      throw new Error(`payment ${paymentIntentId} belongs to another gift`);
    const next: Gift = { ...gift, paymentIntentId: payment.paymentIntentId };
    if (!payment.succeeded) {
      await this.gifts.save(next);
      return 'gift-pending';
    }
    const firstPayment = !next.paidAt;
    next.paidAt ??= new Date();
    // An expired checkout the customer still paid (Stripe's race) is a paid gift all the same.
    if (next.status === 'pending' || next.status === 'expired') next.status = 'paid';
    await this.journal.record({
      id: newId(),
      stream: 'gifts',
      sourceKey: `gift:${gift.id}:paid`,
      amount: payment.amount,
      currency: payment.currency,
      creatorId: null,
      occurredAt: next.paidAt,
    });
    if (payment.amountRefunded > next.refundedAmount) {
      await this.journal.record({
        id: newId(),
        stream: 'gifts',
        sourceKey: `gift:${gift.id}:refunded-to:${payment.amountRefunded}`,
        amount: -(payment.amountRefunded - next.refundedAmount),
        currency: payment.currency,
        creatorId: null,
        occurredAt: new Date(),
      });
      next.refundedAmount = payment.amountRefunded;
    }
    const refunded = afterProviderRefund(next, payment.amount, new Date());
    const settled = afterProviderDispute(refunded, payment.dispute, new Date());
    await this.journalDispute(refunded, settled, payment);
    await this.gifts.save(settled);
    if (firstPayment) await this.events.paid({ ...settled, paidAt: next.paidAt });
    // A redeemed gift refunded in full (Stripe's dashboard: our route refuses it) or disputed takes its plan back
    // now; a won dispute gives it back.
    if (settled.redeemedBy && (gift.status === 'redeemed') !== (settled.status === 'redeemed'))
      await this.refresher.refresh(settled.redeemedBy);
    return `gift-${settled.status}`;
  }

  /** A dispute that opens takes the gift's revenue back; one won after that returns it (each once, by key). */
  private async journalDispute(before: Gift, after: Gift, payment: ProviderGiftPayment): Promise<void> {
    if (!payment.dispute || (before.status === 'disputed') === (after.status === 'disputed')) return;
    const opened = after.status === 'disputed';
    const amount = disputedRevenue(after, payment.dispute);
    await this.journal.record({
      id: newId(),
      stream: 'gifts',
      sourceKey: `gift:${after.id}:${opened ? 'disputed' : 'dispute-won'}`,
      amount: opened ? -amount : amount,
      currency: payment.currency,
      creatorId: null,
      occurredAt: new Date(),
    });
  }
}
