import { AppConfig, readEnvironment } from '@config';
import { CheckoutSession } from '../../domain/checkout/checkout-session.js';
import { Customer } from '../../domain/customer/customer.js';
import { EntitlementGrant } from '../../domain/entitlement/entitlement-grant.js';
import { Invoice } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { Refund } from '../../domain/payment/refund.js';
import { Plan } from '../../domain/plan/plan.js';
import { ProviderPrice } from '../../domain/plan/provider-price.js';
import { Subscription } from '../../domain/subscription/subscription.js';
import { EntitlementRefresher } from '../../application/entitlements/entitlement-refresher.js';
import { LocalBillingApi } from '../../application/entitlements/local-billing-api.js';
import { PlanCatalogue } from '../../application/plan-catalogue.js';
import { BillingFactApplier } from '../../application/webhooks/billing-fact-applier.js';
import { PlanBuilder } from '../builders/plan.builder.js';
import {
  InMemoryCheckoutSessionRepository,
  InMemoryCustomerRepository,
  InMemoryEntitlementRepository,
  InMemoryMrrMovementRepository,
  InMemoryPaymentRepository,
  InMemoryPlanRepository,
  InMemorySubscriptionRepository,
} from './in-memory-billing-repositories.js';
import { InMemoryOfferRepository } from './in-memory-offer.repository.js';
import { InMemoryPaymentProvider } from './in-memory-payment-provider.js';
import { InMemoryUsageCounters } from './in-memory-usage-counters.js';
import { InMemoryUnitOfWork } from '@lib/platform/testing/in-memory';

/** Configuration as the environment would give it (defaults unless overridden, e.g. `BILLING_GRACE_DAYS`). */
export function billingTestConfig(env: Record<string, string> = {}): AppConfig {
  return new AppConfig(readEnvironment(env), {
    databaseUrl: 'postgres://unused',
    redisUrl: 'redis://unused',
    jwtSecret: 'in-memory-test-secret-'.padEnd(32, 'x'),
  });
}

/**
 * Billing's application services on in-memory storage: real domain, real applier, catalogue,
 * entitlement refresher and billing API; repositories, usage counters, unit of work and payment
 * provider in memory.
 */
export function inMemoryBilling(options: { env?: Record<string, string> } = {}) {
  const config = billingTestConfig(options.env);
  const plans = new InMemoryPlanRepository();
  const customers = new InMemoryCustomerRepository();
  const checkouts = new InMemoryCheckoutSessionRepository();
  const subscriptions = new InMemorySubscriptionRepository();
  const grants = new InMemoryEntitlementRepository();
  const payments = new InMemoryPaymentRepository();
  const movements = new InMemoryMrrMovementRepository();
  const offers = new InMemoryOfferRepository();
  const unitOfWork = new InMemoryUnitOfWork([
    plans.plans,
    plans.prices,
    customers.customers,
    checkouts.sessions,
    subscriptions.subscriptions,
    grants.grants,
    payments.invoices,
    payments.payments,
    payments.refunds,
    movements.movements,
  ]);
  const provider = new InMemoryPaymentProvider();
  const catalogue = new PlanCatalogue(plans);
  const entitlements = new EntitlementRefresher(subscriptions, grants, catalogue, config);
  const usage = new InMemoryUsageCounters();
  const billingApi = new LocalBillingApi(grants, catalogue, usage);
  const applier = new BillingFactApplier(
    provider,
    customers,
    subscriptions,
    plans,
    catalogue,
    payments,
    checkouts,
    movements,
    entitlements,
    config,
    offers,
  );

  /** Stores what a spec starts from, committed (plans built by a builder also get their synced prices). */
  function given(
    ...things: Array<
      | PlanBuilder
      | Plan
      | ProviderPrice
      | Customer
      | CheckoutSession
      | Subscription
      | EntitlementGrant
      | Invoice
      | Payment
      | Refund
    >
  ): void {
    for (const thing of things) {
      if (thing instanceof PlanBuilder) plans.add(thing.build(), ...thing.buildPrices());
      else if (thing instanceof Plan || thing instanceof ProviderPrice) plans.add(thing);
      else if (thing instanceof Customer) customers.customers.insert(thing);
      else if (thing instanceof CheckoutSession) checkouts.add(thing);
      else if (thing instanceof Subscription) subscriptions.add(thing);
      else if (thing instanceof EntitlementGrant) grants.add(thing);
      else payments.add(thing);
    }
    unitOfWork.commit();
    unitOfWork.published.length = 0;
  }

  return {
    config,
    plans,
    customers,
    checkouts,
    subscriptions,
    grants,
    payments,
    movements,
    offers,
    unitOfWork,
    provider,
    catalogue,
    entitlements,
    usage,
    billingApi,
    applier,
    given,
  };
}

export type InMemoryBilling = ReturnType<typeof inMemoryBilling>;
