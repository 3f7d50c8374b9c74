import { CheckoutSession } from '../../domain/checkout/checkout-session.js';
import { CheckoutSessionRepository } from '../../domain/checkout/checkout-session.repository.js';
import { BillingAccount, Customer } from '../../domain/customer/customer.js';
import { CustomerRepository } from '../../domain/customer/customer.repository.js';
import type { EntitlementGrant } from '../../domain/entitlement/entitlement-grant.js';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';
import { Invoice } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { PaymentRepository } from '../../domain/payment/payment.repository.js';
import { Refund } from '../../domain/payment/refund.js';
import { Plan, type BillingInterval } from '../../domain/plan/plan.js';
import { PlanRepository } from '../../domain/plan/plan.repository.js';
import type { ProviderPrice } from '../../domain/plan/provider-price.js';
import { MrrMovementRecord } from '../../domain/subscription/mrr-movement.js';
import { MrrMovementRepository } from '../../domain/subscription/mrr-movement.repository.js';
import { TERMINAL_STATUSES } from '../../domain/subscription/subscription-status.js';
import type { Subscription } from '../../domain/subscription/subscription.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';
import { InMemoryTable } from '@lib/platform/testing/in-memory';

// Each repository keeps the ordering and uniqueness of its MikroORM counterpart
// (infrastructure/persistence/mikro-orm-repositories.ts); rows persist when the unit of work commits.

const newestFirst = (a: { createdAt: Date }, b: { createdAt: Date }) => b.createdAt.getTime() - a.createdAt.getTime();

export class InMemoryPlanRepository extends PlanRepository {
  readonly plans = new InMemoryTable<Plan>('billing.plans', { id: (plan) => plan.id });
  readonly prices = new InMemoryTable<ProviderPrice>('billing.provider_prices', {
    providerPriceId: (price) => price.providerPriceId,
  });

  async all() {
    return this.plans.all().sort((a, b) => a.rank - b.rank);
  }
  async byId(id: string) {
    return this.plans.find((plan) => plan.id === id);
  }
  async pricesOf(planId: string) {
    return this.prices
      .filter((price) => price.planId === planId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
  async activePrice(planId: string, interval: BillingInterval) {
    return (
      this.prices
        .filter((price) => price.planId === planId && price.interval === interval && price.active)
        .sort(newestFirst)[0] ?? null
    );
  }
  async priceByProviderId(providerPriceId: string) {
    return this.prices.find((price) => price.providerPriceId === providerPriceId);
  }
  add(...entities: Array<Plan | ProviderPrice>) {
    for (const entity of entities) {
      if (entity instanceof Plan) this.plans.insert(entity);
      else this.prices.insert(entity);
    }
  }
}

export class InMemoryCustomerRepository extends CustomerRepository {
  readonly customers = new InMemoryTable<Customer>('billing.customers', {
    userId: (customer) => customer.userId,
    providerCustomerId: (customer) => customer.providerCustomerId,
  });

  async byUser(userId: string) {
    return this.customers.find((customer) => customer.userId === userId);
  }
  async byProviderId(providerCustomerId: string) {
    return this.customers.find((customer) => customer.providerCustomerId === providerCustomerId);
  }
  /** Insert-if-absent like the SQL adapter: the first link of a user wins. */
  async link(userId: string, providerCustomerId: string): Promise<Customer> {
    const linked = await this.byUser(userId);
    if (linked) return linked;
    if (await this.byProviderId(providerCustomerId))
      throw new Error(`billing.customers: ${providerCustomerId} is already linked to another user`);
    const customer = new Customer(userId, providerCustomerId);
    this.customers.insert(customer);
    return customer;
  }
  /** What identity told billing about a user (billing.accounts, one row per user). */
  readonly accounts = new InMemoryTable<BillingAccount>('billing.accounts', { userId: (account) => account.userId });
  async accountOf(userId: string) {
    return this.accounts.find((account) => account.userId === userId);
  }
}

export class InMemoryCheckoutSessionRepository extends CheckoutSessionRepository {
  readonly sessions = new InMemoryTable<CheckoutSession>('billing.checkout_sessions', { id: (session) => session.id });

  async byId(id: string) {
    return this.sessions.find((session) => session.id === id);
  }
  async byProviderSubscription(providerSubscriptionId: string) {
    return this.sessions.find((session) => session.providerSubscriptionId === providerSubscriptionId);
  }
  add(session: CheckoutSession) {
    this.sessions.insert(session);
  }
}

export class InMemorySubscriptionRepository extends SubscriptionRepository {
  readonly subscriptions = new InMemoryTable<Subscription>('billing.subscriptions', {
    id: (subscription) => subscription.id,
    providerSubscriptionId: (subscription) => subscription.providerSubscriptionId,
  });

  async byId(id: string) {
    return this.subscriptions.find((subscription) => subscription.id === id);
  }
  async byProviderIdForUpdate(providerSubscriptionId: string) {
    return this.subscriptions.find((subscription) => subscription.providerSubscriptionId === providerSubscriptionId);
  }
  async liveOf(userId: string) {
    return this.subscriptions
      .filter((subscription) => subscription.userId === userId && !TERMINAL_STATUSES.includes(subscription.status))
      .sort(newestFirst);
  }
  async currentOf(userId: string) {
    const [live] = await this.liveOf(userId);
    return (
      live ?? this.subscriptions.filter((subscription) => subscription.userId === userId).sort(newestFirst)[0] ?? null
    );
  }
  add(subscription: Subscription) {
    this.subscriptions.insert(subscription);
  }
}

export class InMemoryEntitlementRepository extends EntitlementRepository {
  readonly grants = new InMemoryTable<EntitlementGrant>('billing.entitlement_grants', { id: (grant) => grant.id });

  async byUser(userId: string) {
    return this.grants.find((grant) => grant.id === userId);
  }
  async lapsed(now: Date, limit: number) {
    return this.grants
      .filter((grant) => grant.validUntil !== null && grant.validUntil <= now)
      .sort((a, b) => a.validUntil!.getTime() - b.validUntil!.getTime())
      .slice(0, limit);
  }
  add(grant: EntitlementGrant) {
    this.grants.insert(grant);
  }
}

export class InMemoryPaymentRepository extends PaymentRepository {
  readonly invoices = new InMemoryTable<Invoice>('billing.invoices', {
    id: (invoice) => invoice.id,
    providerInvoiceId: (invoice) => invoice.providerInvoiceId,
  });
  readonly payments = new InMemoryTable<Payment>('billing.payments', {
    id: (payment) => payment.id,
    invoiceId: (payment) => payment.invoiceId,
    providerPaymentId: (payment) => payment.providerPaymentId,
  });
  readonly refunds = new InMemoryTable<Refund>('billing.refunds', {
    id: (refund) => refund.id,
    providerRefundId: (refund) => refund.providerRefundId,
    creditNoteNumber: (refund) => refund.creditNoteNumber,
  });
  /** Like the database sequence: numbers are never reused, even by a rolled-back transaction. */
  private creditNotes = 0;

  async invoiceByProviderId(providerInvoiceId: string) {
    return this.invoices.find((invoice) => invoice.providerInvoiceId === providerInvoiceId);
  }
  async invoiceById(id: string) {
    return this.invoices.find((invoice) => invoice.id === id);
  }
  async paymentById(id: string) {
    return this.payments.find((payment) => payment.id === id);
  }
  async paymentByInvoice(invoiceId: string) {
    return this.payments.find((payment) => payment.invoiceId === invoiceId);
  }
  async paymentByProviderId(providerPaymentId: string) {
    return this.payments.find((payment) => payment.providerPaymentId === providerPaymentId);
  }
  async refundById(id: string) {
    return this.refunds.find((refund) => refund.id === id);
  }
  async refundByProviderId(providerRefundId: string) {
    return this.refunds.find((refund) => refund.providerRefundId === providerRefundId);
  }
  async nextCreditNoteNumber(): Promise<string> {
    this.creditNotes += 1;
    return `CN-${String(this.creditNotes).padStart(6, '0')}`;
  }
  add(...entities: Array<Invoice | Payment | Refund>) {
    for (const entity of entities) {
      if (entity instanceof Invoice) this.invoices.insert(entity);
      else if (entity instanceof Payment) this.payments.insert(entity);
      else this.refunds.insert(entity);
    }
  }
}

export class InMemoryMrrMovementRepository extends MrrMovementRepository {
  readonly movements = new InMemoryTable<MrrMovementRecord>('billing.mrr_movements', { id: (movement) => movement.id });

  add(movement: MrrMovementRecord) {
    this.movements.insert(movement);
  }
  async until(to: Date) {
    return this.movements
      .filter((movement) => movement.occurredAt < to)
      .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
  }
  async hadRevenue(subscriptionId: string) {
    return (
      this.movements.filter((movement) => movement.subscriptionId === subscriptionId && movement.mrrAfter > 0).length >
      0
    );
  }
}
