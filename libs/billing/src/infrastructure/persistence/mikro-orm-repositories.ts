import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { CheckoutSession } from '../../domain/checkout/checkout-session.js';
import { CheckoutSessionRepository } from '../../domain/checkout/checkout-session.repository.js';
import { BillingAccount, Customer } from '../../domain/customer/customer.js';
import { CustomerRepository } from '../../domain/customer/customer.repository.js';
import { EntitlementGrant } from '../../domain/entitlement/entitlement-grant.js';
import { EntitlementRepository } from '../../domain/entitlement/entitlement.repository.js';
import { Invoice } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { PaymentRepository } from '../../domain/payment/payment.repository.js';
import { Refund } from '../../domain/payment/refund.js';
import type { BillingInterval } from '../../domain/plan/plan.js';
import { Plan } from '../../domain/plan/plan.js';
import { PlanRepository } from '../../domain/plan/plan.repository.js';
import { ProviderPrice } from '../../domain/plan/provider-price.js';
import { MrrMovementRecord } from '../../domain/subscription/mrr-movement.js';
import { MrrMovementRepository } from '../../domain/subscription/mrr-movement.repository.js';
import { TERMINAL_STATUSES } from '../../domain/subscription/subscription-status.js';
import { Subscription } from '../../domain/subscription/subscription.js';
import { SubscriptionRepository } from '../../domain/subscription/subscription.repository.js';

// Repositories register changes with the EntityManager of the current transaction (UnitOfWork);
// the use case's transaction flushes them together with the outbox rows.

@Injectable()
export class MikroOrmPlanRepository extends PlanRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  all() {
    return this.em.find(Plan, {}, { orderBy: { rank: 'asc' } });
  }
  byId(id: string) {
    return this.em.findOne(Plan, { id });
  }
  pricesOf(planId: string) {
    return this.em.find(ProviderPrice, { planId }, { orderBy: { createdAt: 'asc' } });
  }
  activePrice(planId: string, interval: BillingInterval) {
    return this.em.findOne(ProviderPrice, { planId, interval, active: true }, { orderBy: { createdAt: 'desc' } });
  }
  priceByProviderId(providerPriceId: string) {
    return this.em.findOne(ProviderPrice, { providerPriceId });
  }
  add(...entities: Array<Plan | ProviderPrice>) {
    this.em.persist(entities);
  }
}

@Injectable()
export class MikroOrmCustomerRepository extends CustomerRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byUser(userId: string) {
    return this.em.findOne(Customer, { userId });
  }
  byProviderId(providerCustomerId: string) {
    return this.em.findOne(Customer, { providerCustomerId });
  }
  async link(userId: string, providerCustomerId: string): Promise<Customer> {
    // Insert-if-absent in SQL: two webhooks linking the same customer at once must not fail.
    await this.em.execute(
      `insert into billing.customers (user_id, provider_customer_id, created_at) values (?, ?, now()) on conflict do nothing`,
      [userId, providerCustomerId],
    );
    const linked = await this.em.findOne(Customer, { userId }, { refresh: true });
    return linked!;
  }
  accountOf(userId: string) {
    return this.em.findOne(BillingAccount, { userId });
  }
}

@Injectable()
export class MikroOrmCheckoutSessionRepository extends CheckoutSessionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byId(id: string) {
    return this.em.findOne(CheckoutSession, { id });
  }
  byProviderSubscription(providerSubscriptionId: string) {
    return this.em.findOne(CheckoutSession, { providerSubscriptionId });
  }
  add(session: CheckoutSession) {
    this.em.persist(session);
  }
}

@Injectable()
export class MikroOrmSubscriptionRepository extends SubscriptionRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byId(id: string) {
    return this.em.findOne(Subscription, { id });
  }
  byProviderIdForUpdate(providerSubscriptionId: string) {
    const inTransaction = this.em.isInTransaction();
    return this.em.findOne(
      Subscription,
      { providerSubscriptionId },
      inTransaction ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {},
    );
  }
  liveOf(userId: string) {
    return this.em.find(
      Subscription,
      { userId, status: { $nin: [...TERMINAL_STATUSES] } },
      { orderBy: { createdAt: 'desc' } },
    );
  }
  async currentOf(userId: string) {
    const [live] = await this.liveOf(userId);
    return live ?? (await this.em.findOne(Subscription, { userId }, { orderBy: { createdAt: 'desc' } }));
  }
  add(subscription: Subscription) {
    this.em.persist(subscription);
  }
}

@Injectable()
export class MikroOrmEntitlementRepository extends EntitlementRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byUser(userId: string) {
    return this.em.findOne(EntitlementGrant, { id: userId });
  }
  lapsed(now: Date, limit: number) {
    return this.em.find(EntitlementGrant, { validUntil: { $lte: now } }, { orderBy: { validUntil: 'asc' }, limit });
  }
  add(grant: EntitlementGrant) {
    this.em.persist(grant);
  }
}

@Injectable()
export class MikroOrmPaymentRepository extends PaymentRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  invoiceByProviderId(providerInvoiceId: string) {
    return this.em.findOne(Invoice, { providerInvoiceId });
  }
  invoiceById(id: string) {
    return this.em.findOne(Invoice, { id });
  }
  paymentById(id: string) {
    const inTransaction = this.em.isInTransaction();
    return this.em.findOne(
      Payment,
      { id },
      inTransaction ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : { refresh: true },
    );
  }
  paymentByInvoice(invoiceId: string) {
    return this.em.findOne(Payment, { invoiceId });
  }
  paymentByProviderId(providerPaymentId: string) {
    return this.em.findOne(Payment, { providerPaymentId });
  }
  refundById(id: string) {
    return this.em.findOne(Refund, { id }, { refresh: true });
  }
  refundByProviderId(providerRefundId: string) {
    return this.em.findOne(Refund, { providerRefundId });
  }
  async nextCreditNoteNumber(): Promise<string> {
    const [row] = await this.em.execute<Array<{ n: string }>>(
      `select nextval('billing.credit_note_numbers')::text as n`,
    );
    return `CN-${row.n.padStart(6, '0')}`;
  }
  add(...entities: Array<Invoice | Payment | Refund>) {
    this.em.persist(entities);
  }
}

@Injectable()
export class MikroOrmMrrMovementRepository extends MrrMovementRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  add(movement: MrrMovementRecord) {
    this.em.persist(movement);
  }
  until(to: Date) {
    return this.em.find(MrrMovementRecord, { occurredAt: { $lt: to } }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
  }
  async hadRevenue(subscriptionId: string) {
    const rows = await this.em.execute<Array<{ found: boolean }>>(
      `select exists (select 1 from billing.mrr_movements where subscription_id = ? and mrr_after > 0) as found`,
      [subscriptionId],
    );
    return rows[0]?.found === true;
  }
}
