import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { GiftPaidV1 } from '../../contracts/events/gift-paid.v1.js';
import { CustomerRepository } from '../../domain/customer/customer.repository.js';
import { GiftRepository } from '../../domain/gifts/gift.repository.js';
import { GiftMails, giftRecipientMail } from '../gifts/gift-mails.js';
import { PlanCatalogue } from '../plan-catalogue.js';

/**
 * Mails a paid gift's recipient (docs/adr/0061). The decision committed with the payment (the outbox row), so this
 * delivery is only the courier: the mail job is queued before the inbox commits, and a refused enqueue fails the
 * delivery, which Bull retries; a re-run after a lost commit re-adds the same job id (`mail:gift-recipient:<id>`),
 * which Bull ignores.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'billing.mail-gift-recipient', on: [GiftPaidV1], attempts: 12 })
export class MailGiftRecipientOnGiftPaid implements EventConsumer<GiftPaidV1> {
  constructor(
    private readonly gifts: GiftRepository,
    private readonly customers: CustomerRepository,
    private readonly catalogue: PlanCatalogue,
    private readonly mails: GiftMails,
    private readonly config: AppConfig,
  ) {}

  async handle({ event }: ConsumerContext<GiftPaidV1>): Promise<void> {
    const gift = await this.gifts.byIdForUpdate(event.giftId);
    // Refunded (or already redeemed) before the mail went: nothing left to announce.
    if (!gift?.recipientEmail || gift.status !== 'paid') return;
    const from = (await this.customers.accountOf(gift.buyerId))?.displayName ?? 'Someone';
    const plan = await this.catalogue.get(gift.planId);
    await this.mails.queue(giftRecipientMail(gift, from, plan.name, this.config.urls.app));
  }
}
