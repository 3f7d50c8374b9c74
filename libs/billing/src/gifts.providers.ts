import { AppConfig } from '@config';
import { MessagingModule, PersistenceModule, QueuesModule } from '@lib/platform';
import { BuyGiftHandler } from './application/commands/buy-gift/buy-gift.handler.js';
import { RedeemGiftHandler } from './application/commands/redeem-gift/redeem-gift.handler.js';
import { RefundGiftHandler } from './application/commands/refund-gift/refund-gift.handler.js';
import { GiftProvider } from './application/gift-provider.js';
import { GiftEvents } from './application/gifts/gift-events.js';
import { GiftFactApplier } from './application/gifts/gift-fact-applier.js';
import { BILLING_MAIL_QUEUE, GiftMails } from './application/gifts/gift-mails.js';
import { GetGiftHandler } from './application/queries/get-gift/get-gift.handler.js';
import { ListGiftsHandler } from './application/queries/list-gifts/list-gifts.handler.js';
import { MailGiftRecipientOnGiftPaid } from './application/reactions/mail-gift-recipient-on-gift-paid.js';
import { GiftPaidV1 } from './contracts/events/gift-paid.v1.js';
import { GiftRepository } from './domain/gifts/gift.repository.js';
import { BullGiftMails } from './infrastructure/gifts/bull-gift-mails.js';
import { OutboxGiftEvents } from './infrastructure/gifts/outbox-gift-events.js';
import { SqlGiftRepository } from './infrastructure/gifts/sql-gift.repository.js';
import { SandboxHost } from './infrastructure/sandbox/sandbox-host.js';
import { StripeGiftProvider, UnavailableGiftProvider } from './infrastructure/stripe/stripe-gift-provider.js';
import { GiftsController } from './interface/http/gifts.controller.js';
import { BillingMailJobs } from './interface/jobs/billing-mail.jobs.js';

/** Gift subscriptions (docs/adr/0055), wired into BillingModule. */
export const GIFTS = {
  imports: [
    PersistenceModule.forFeature([], { sqlOnlyTables: ['billing.gifts'] }),
    // Handled (and its job options declared) by interface/jobs/billing-mail.jobs.ts.
    QueuesModule.register({ name: BILLING_MAIL_QUEUE }),
    MessagingModule.forContext({ publishes: [GiftPaidV1], consumers: [MailGiftRecipientOnGiftPaid] }),
  ],
  controllers: [GiftsController],
  providers: [
    {
      provide: GiftProvider,
      inject: [AppConfig, SandboxHost],
      useFactory: (config: AppConfig, sandbox: SandboxHost) => {
        if (config.billing.provider === 'sandbox') return sandbox.giftProvider();
        if (config.billing.provider === 'none') return new UnavailableGiftProvider();
        const stripe = config.billing.stripe;
        return new StripeGiftProvider({ ...stripe, secretKey: stripe.secretKey! });
      },
    },
    { provide: GiftRepository, useClass: SqlGiftRepository },
    { provide: GiftMails, useClass: BullGiftMails },
    { provide: GiftEvents, useClass: OutboxGiftEvents },
    MailGiftRecipientOnGiftPaid,
    GiftFactApplier,
    BuyGiftHandler,
    RedeemGiftHandler,
    RefundGiftHandler,
    ListGiftsHandler,
    GetGiftHandler,
    BillingMailJobs,
  ],
};
