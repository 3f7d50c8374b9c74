// Test support for billing: builders of its aggregates and in-memory storage. Imported by tests only.
export { aFreePlan, aPlan, PlanBuilder, providerPriceIdOf } from './builders/plan.builder.js';
export {
  A_USER_ID,
  aProviderSubscription,
  aSubscription,
  ProviderSubscriptionBuilder,
  SubscriptionBuilder,
} from './builders/subscription.builder.js';
export { aPayment, aProviderInvoice, PaymentBuilder, ProviderInvoiceBuilder } from './builders/payment.builder.js';
export {
  InMemoryCheckoutSessionRepository,
  InMemoryCustomerRepository,
  InMemoryEntitlementRepository,
  InMemoryMrrMovementRepository,
  InMemoryPaymentRepository,
  InMemoryPlanRepository,
  InMemorySubscriptionRepository,
} from './in-memory/in-memory-billing-repositories.js';
export { InMemoryPaymentProvider } from './in-memory/in-memory-payment-provider.js';
export { InMemoryUsageCounters } from './in-memory/in-memory-usage-counters.js';
export { billingTestConfig, inMemoryBilling, type InMemoryBilling } from './in-memory/in-memory-billing.js';
export { InMemoryRevenueJournal } from './in-memory/in-memory-revenue-journal.js';
