import { Global, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { MessagingModule, PersistenceModule, QueuesModule } from '@lib/platform';
import { ArchivePlanHandler } from './application/commands/archive-plan/archive-plan.handler.js';
import { ChangeSubscriptionHandler } from './application/commands/change-subscription/change-subscription.handler.js';
import { IssueRefundHandler } from './application/commands/issue-refund/issue-refund.handler.js';
import { ManageSubscriptionHandler } from './application/commands/manage-subscription/manage-subscription.handler.js';
import { OpenPortalHandler } from './application/commands/open-portal/open-portal.handler.js';
import { ReceiveWebhookHandler } from './application/commands/receive-webhook/receive-webhook.handler.js';
import { ReplayWebhookHandler } from './application/commands/replay-webhook/replay-webhook.handler.js';
import { StartCheckoutHandler } from './application/commands/start-checkout/start-checkout.handler.js';
import { SyncPlansHandler } from './application/commands/sync-plans/sync-plans.handler.js';
import { CustomerAccounts } from './application/customer-accounts.js';
import { EntitlementRefresher } from './application/entitlements/entitlement-refresher.js';
import { LocalBillingApi } from './application/entitlements/local-billing-api.js';
import { UsageCounters } from './application/entitlements/usage-counters.js';
import { PaymentProvider } from './application/payment-provider.js';
import { PaymentHistory } from './application/queries/payment-history.js';
import { PlanCatalogue } from './application/plan-catalogue.js';
import { GetBillingOverviewHandler } from './application/queries/get-billing-overview/get-billing-overview.handler.js';
import { GetInvoiceHandler } from './application/queries/get-invoice/get-invoice.handler.js';
import { GetRevenueMetricsHandler } from './application/queries/get-revenue-metrics/get-revenue-metrics.handler.js';
import { ListInvoicesHandler } from './application/queries/list-invoices/list-invoices.handler.js';
import { ListPaymentsHandler } from './application/queries/list-payments/list-payments.handler.js';
import { ListPlansHandler } from './application/queries/list-plans/list-plans.handler.js';
import { ListWebhooksHandler } from './application/queries/list-webhooks/list-webhooks.handler.js';
import { RememberAccountOnUserRegistered } from './application/reactions/remember-account-on-user-registered.js';
import { UnavailablePaymentProvider } from './application/unavailable-payment-provider.js';
import { BillingFactApplier } from './application/webhooks/billing-fact-applier.js';
import { BillingMaintenance } from './application/webhooks/billing-maintenance.js';
import { WebhookProcessor } from './application/webhooks/webhook-processor.js';
import {
  BILLING_MAINTENANCE_QUEUE,
  PROCESS_WEBHOOK_QUEUE,
  WebhookQueue,
} from './application/webhooks/webhook-queue.js';
import { BillingApi } from './contracts/billing.api.js';
import {
  EntitlementsChangedV1,
  MrrMovementRecordedV1,
  PaymentFailedV1,
  PaymentSucceededV1,
  RefundIssuedV1,
  SubscriptionActivatedV1,
  SubscriptionCanceledV1,
  SubscriptionChangedV1,
} from './contracts/index.js';
import { CheckoutSessionRepository } from './domain/checkout/checkout-session.repository.js';
import { CustomerRepository } from './domain/customer/customer.repository.js';
import { EntitlementRepository } from './domain/entitlement/entitlement.repository.js';
import { PaymentRepository } from './domain/payment/payment.repository.js';
import { PlanRepository } from './domain/plan/plan.repository.js';
import { MrrMovementRepository } from './domain/subscription/mrr-movement.repository.js';
import { SubscriptionRepository } from './domain/subscription/subscription.repository.js';
import { WebhookEventRepository } from './domain/webhook/webhook-event.repository.js';
import { billingOutboundEvents } from './infrastructure/outbound-events.js';
import { BILLING_ENTITIES, BILLING_SQL_ONLY_TABLES } from './infrastructure/persistence/billing.schemas.js';
import {
  MikroOrmCheckoutSessionRepository,
  MikroOrmCustomerRepository,
  MikroOrmEntitlementRepository,
  MikroOrmMrrMovementRepository,
  MikroOrmPaymentRepository,
  MikroOrmPlanRepository,
  MikroOrmSubscriptionRepository,
} from './infrastructure/persistence/mikro-orm-repositories.js';
import { MikroOrmWebhookEventRepository } from './infrastructure/persistence/mikro-orm-webhook-event.repository.js';
import { MikroOrmPaymentHistory } from './infrastructure/persistence/mikro-orm-payment-history.js';
import { SqlUsageCounters } from './infrastructure/persistence/sql-usage-counters.js';
import { PlanBootstrap } from './infrastructure/boot/plan-bootstrap.js';
import { BullWebhookQueue } from './infrastructure/queues/bull-webhook-queue.js';
import { PortalAccessTokens } from './infrastructure/sandbox/portal-access-tokens.js';
import { SandboxEventForwarder, SandboxHost } from './infrastructure/sandbox/sandbox-host.js';
import { StripePaymentProvider } from './infrastructure/stripe/stripe-payment-provider.js';
import { BillingJobs } from './interface/jobs/billing-jobs.processor.js';
import { AdminBillingController } from './interface/http/admin-billing.controller.js';
import { BillingController } from './interface/http/billing.controller.js';
import { SandboxController } from './interface/http/sandbox.controller.js';
import { StripeWebhookController } from './interface/http/stripe-webhook.controller.js';
import { ACCOUNT_HOLDS } from './account-holds.providers.js';
import { ArchiveOfferHandler } from './application/commands/archive-offer/archive-offer.handler.js';
import { CreateOfferHandler } from './application/commands/create-offer/create-offer.handler.js';
import { GetOfferHandler } from './application/queries/get-offer/get-offer.handler.js';
import { ListOffersHandler } from './application/queries/list-offers/list-offers.handler.js';
import { OfferRepository } from './domain/offer/offer.repository.js';
import { SqlOfferRepository } from './infrastructure/persistence/sql-offer.repository.js';
import { AdminOffersController, OffersController } from './interface/http/offers.controller.js';
import { TIPS } from './tips.providers.js';
import { GIFTS } from './gifts.providers.js';
import { RevenueStreams } from './contracts/revenue-streams.js';
import { JournalRevenueStreams } from './application/revenue/journal-revenue-streams.js';
import { RevenueJournal } from './domain/revenue/revenue-journal.js';
import { SqlRevenueJournal } from './infrastructure/persistence/sql-revenue-journal.js';
import { METERING } from './metering.providers.js';
import { UsageThresholdReachedV1 } from './contracts/events/usage-threshold-reached.v1.js';
import { RevenueRecordedV1 } from './contracts/events/revenue-recorded.v1.js';

/**
 * Plans, subscriptions, entitlements, payments and revenue, driven by the payment provider's
 * webhooks. Global because other contexts inject its `BillingApi` port (and `@RequiresEntitlement`'s guard).
 */
@Global()
@Module({
  imports: [
    PersistenceModule.forFeature(BILLING_ENTITIES, { sqlOnlyTables: BILLING_SQL_ONLY_TABLES }),
    MessagingModule.forContext({
      publishes: [
        SubscriptionActivatedV1,
        SubscriptionChangedV1,
        SubscriptionCanceledV1,
        PaymentSucceededV1,
        PaymentFailedV1,
        RefundIssuedV1,
        EntitlementsChangedV1,
        MrrMovementRecordedV1,
        UsageThresholdReachedV1,
        RevenueRecordedV1,
      ],
      outbound: billingOutboundEvents,
      consumers: [RememberAccountOnUserRegistered],
    }),
    // Handled (and their job options declared) by interface/jobs/billing-jobs.processor.ts.
    QueuesModule.register({ name: PROCESS_WEBHOOK_QUEUE }, { name: BILLING_MAINTENANCE_QUEUE }),
    ...ACCOUNT_HOLDS.imports,
    ...TIPS.imports,
    ...GIFTS.imports,
    ...METERING.imports,
  ],
  controllers: [
    BillingController,
    StripeWebhookController,
    AdminBillingController,
    SandboxController,
    AdminOffersController,
    OffersController,
    ...TIPS.controllers,
    ...GIFTS.controllers,
  ],
  providers: [
    { provide: PlanRepository, useClass: MikroOrmPlanRepository },
    { provide: CustomerRepository, useClass: MikroOrmCustomerRepository },
    { provide: CheckoutSessionRepository, useClass: MikroOrmCheckoutSessionRepository },
    { provide: SubscriptionRepository, useClass: MikroOrmSubscriptionRepository },
    { provide: EntitlementRepository, useClass: MikroOrmEntitlementRepository },
    { provide: PaymentRepository, useClass: MikroOrmPaymentRepository },
    { provide: MrrMovementRepository, useClass: MikroOrmMrrMovementRepository },
    { provide: WebhookEventRepository, useClass: MikroOrmWebhookEventRepository },
    { provide: OfferRepository, useClass: SqlOfferRepository },
    { provide: UsageCounters, useClass: SqlUsageCounters },
    { provide: RevenueJournal, useClass: SqlRevenueJournal },
    { provide: RevenueStreams, useClass: JournalRevenueStreams },
    { provide: PaymentHistory, useClass: MikroOrmPaymentHistory },
    { provide: WebhookQueue, useClass: BullWebhookQueue },
    { provide: BillingApi, useClass: LocalBillingApi },
    {
      provide: SandboxHost,
      inject: [AppConfig, MikroORM],
      useFactory: (config: AppConfig, orm: MikroORM) => SandboxHost.start(config, orm),
    },
    {
      provide: PaymentProvider,
      inject: [AppConfig, SandboxHost, PortalAccessTokens],
      useFactory: (config: AppConfig, sandbox: SandboxHost, portalTokens: PortalAccessTokens) => {
        if (config.billing.provider === 'sandbox') return sandbox.paymentProvider(portalTokens);
        if (config.billing.provider === 'none') return new UnavailablePaymentProvider();
        const stripe = config.billing.stripe;
        return new StripePaymentProvider({
          ...stripe,
          secretKey: stripe.secretKey!,
          webhookSecret: stripe.webhookSecret!,
        });
      },
    },
    SandboxEventForwarder,
    PortalAccessTokens,
    PlanCatalogue,
    PlanBootstrap,
    CustomerAccounts,
    EntitlementRefresher,
    BillingFactApplier,
    WebhookProcessor,
    BillingMaintenance,
    BillingJobs,
    StartCheckoutHandler,
    OpenPortalHandler,
    ChangeSubscriptionHandler,
    ManageSubscriptionHandler,
    IssueRefundHandler,
    SyncPlansHandler,
    ArchivePlanHandler,
    ReceiveWebhookHandler,
    ReplayWebhookHandler,
    ListPlansHandler,
    GetBillingOverviewHandler,
    ListInvoicesHandler,
    GetInvoiceHandler,
    ListPaymentsHandler,
    ListWebhooksHandler,
    GetRevenueMetricsHandler,
    CreateOfferHandler,
    ArchiveOfferHandler,
    ListOffersHandler,
    GetOfferHandler,
    RememberAccountOnUserRegistered,
    ...ACCOUNT_HOLDS.providers,
    ...TIPS.providers,
    ...GIFTS.providers,
    ...METERING.providers,
  ],
  exports: [...ACCOUNT_HOLDS.exports, BillingApi, RevenueStreams, ...METERING.exports],
})
export class BillingModule {}
