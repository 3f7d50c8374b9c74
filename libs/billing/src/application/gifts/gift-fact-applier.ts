import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import type { Gift } from '../../domain/gifts/gift.js';
import { GiftRepository } from '../../domain/gifts/gift.repository.js';
import { CustomerRepository } from '../../domain/customer/customer.repository.js';
import { RevenueJournal } from '../../domain/revenue/revenue-journal.js';
import { GiftProvider, type GiftFact } from '../gift-provider.js';
import { PlanCatalogue } from '../plan-catalogue.js';
import { GiftMails, giftRecipientMail } from './gift-mails.js';

/**
 * Applies gift events: each fact makes us read the payment from the provider and converge on it under the gift's
 * row lock, so duplicated and out-of-order deliveries have one effect. Payment journals `gifts` revenue and mails the
 * recipient after commit; a refund journals it back. Returns null for events that are not about a gift of ours.
 */
@Injectable()
export class GiftFactApplier {
  constructor(
    private readonly provider: GiftProvider,
    private readonly gifts: GiftRepository,
    private readonly journal: RevenueJournal,
    private readonly customers: CustomerRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly mails: GiftMails,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
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
    // A redeemed gift refunded at the provider (a dashboard refund) keeps its access: support decides, not a webhook.
    if (next.refundedAmount >= payment.amount && next.status !== 'redeemed') next.status = 'refunded';
    await this.gifts.save(next);
    if (firstPayment && next.recipientEmail && next.status === 'paid') await this.mailRecipient(next);
    return `gift-${next.status}`;
  }

  private async mailRecipient(gift: Gift): Promise<void> {
    const from = (await this.customers.accountOf(gift.buyerId))?.displayName ?? 'Someone';
    const plan = await this.catalogue.get(gift.planId);
    const mail = giftRecipientMail(gift, from, plan.name, this.config.urls.app);
    this.unitOfWork.afterCommit(() => this.mails.queue(mail));
  }
}
