import { EntitySchema } from '@mikro-orm/postgresql';
import { CheckoutSession } from '../../domain/checkout/checkout-session.js';
import { BillingAccount, Customer } from '../../domain/customer/customer.js';
import { EntitlementGrant } from '../../domain/entitlement/entitlement-grant.js';
import { Invoice } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { Refund } from '../../domain/payment/refund.js';
import { Plan } from '../../domain/plan/plan.js';
import { ProviderPrice } from '../../domain/plan/provider-price.js';
import { MrrMovementRecord } from '../../domain/subscription/mrr-movement.js';
import { Subscription } from '../../domain/subscription/subscription.js';
import { WebhookEvent } from '../../domain/webhook/webhook-event.js';

/** Mappings of the billing schema; the domain classes carry no ORM decorators. */
const schema = 'billing';
// Aggregates are built by their factories; the ORM builds loaded ones without the constructor.
const asClass = <T>(type: unknown) => type as new () => T;

export const PlanSchema = new EntitySchema<Plan>({
  class: asClass<Plan>(Plan),
  schema,
  tableName: 'plans',
  properties: {
    id: { type: 'text', primary: true },
    name: { type: 'text' },
    description: { type: 'text' },
    benefits: { type: 'text[]' },
    prices: { type: 'json' },
    entitlements: { type: 'json' },
    trialDays: { type: 'integer' },
    rank: { type: 'integer' },
    archivedAt: { type: 'datetime', nullable: true },
    providerProductId: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  } as never, // getters are computed, not columns,
});

export const ProviderPriceSchema = new EntitySchema<ProviderPrice>({
  class: asClass<ProviderPrice>(ProviderPrice),
  schema,
  tableName: 'provider_prices',
  indexes: [{ name: 'provider_prices_plan_idx', properties: ['planId', 'interval'] }],
  properties: {
    providerPriceId: { type: 'text', primary: true },
    planId: { type: 'text' },
    interval: { type: 'text' },
    amount: { type: 'integer' },
    currency: { type: 'text' },
    active: { type: 'boolean' },
    createdAt: { type: 'datetime' },
  },
});

export const CustomerSchema = new EntitySchema<Customer>({
  class: asClass<Customer>(Customer),
  schema,
  tableName: 'customers',
  uniques: [{ name: 'customers_provider_customer_id_key', properties: ['providerCustomerId'] }],
  properties: {
    userId: { type: 'uuid', primary: true },
    providerCustomerId: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});

export const BillingAccountSchema = new EntitySchema<BillingAccount>({
  class: asClass<BillingAccount>(BillingAccount),
  schema,
  tableName: 'accounts',
  properties: {
    userId: { type: 'uuid', primary: true },
    email: { type: 'text' },
    displayName: { type: 'text' },
  },
});

export const CheckoutSessionSchema = new EntitySchema<CheckoutSession>({
  class: asClass<CheckoutSession>(CheckoutSession),
  schema,
  tableName: 'checkout_sessions',
  indexes: [
    { name: 'checkout_sessions_user_idx', properties: ['userId'] },
    { name: 'checkout_sessions_subscription_idx', properties: ['providerSubscriptionId'] },
  ],
  properties: {
    id: { type: 'text', primary: true },
    userId: { type: 'uuid' },
    planId: { type: 'text' },
    interval: { type: 'text' },
    attribution: { type: 'json' },
    status: { type: 'text' },
    providerSubscriptionId: { type: 'text', nullable: true },
    completedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});

export const SubscriptionSchema = new EntitySchema<Subscription>({
  class: asClass<Subscription>(Subscription),
  schema,
  tableName: 'subscriptions',
  uniques: [{ name: 'subscriptions_provider_subscription_id_key', properties: ['providerSubscriptionId'] }],
  indexes: [{ name: 'subscriptions_user_idx', properties: ['userId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    providerSubscriptionId: { type: 'text' },
    providerCustomerId: { type: 'text' },
    status: { type: 'text' },
    planId: { type: 'text' },
    interval: { type: 'text' },
    providerPriceId: { type: 'text' },
    unitAmount: { type: 'integer' },
    currency: { type: 'text' },
    currentPeriodStart: { type: 'datetime' },
    currentPeriodEnd: { type: 'datetime' },
    cancelAtPeriodEnd: { type: 'boolean' },
    canceledAt: { type: 'datetime', nullable: true },
    endedAt: { type: 'datetime', nullable: true },
    trialEnd: { type: 'datetime', nullable: true },
    cancellationReason: { type: 'text', nullable: true },
    cancellationFeedback: { type: 'text', nullable: true },
    cancellationComment: { type: 'text', nullable: true },
    pastDueSince: { type: 'datetime', nullable: true },
    heldPlanId: { type: 'text', nullable: true },
    heldUntil: { type: 'datetime', nullable: true },
    attribution: { type: 'json' },
    offerId: { type: 'uuid', nullable: true },
    discount: { type: 'json', nullable: true },
    discounted: { type: 'boolean' },
    stateObservedAt: { type: 'datetime' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  } as never, // getters are computed, not columns,
});

export const EntitlementGrantSchema = new EntitySchema<EntitlementGrant>({
  class: asClass<EntitlementGrant>(EntitlementGrant),
  schema,
  tableName: 'entitlement_grants',
  indexes: [{ name: 'entitlement_grants_valid_until_idx', properties: ['validUntil'] }],
  properties: {
    id: { type: 'uuid', primary: true, fieldName: 'user_id' },
    planId: { type: 'text' },
    subscriptionId: { type: 'uuid', nullable: true },
    validUntil: { type: 'datetime', nullable: true },
    thenPlanId: { type: 'text', nullable: true },
    periodStart: { type: 'datetime', nullable: true },
    periodEnd: { type: 'datetime', nullable: true },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  } as never, // getters are computed, not columns,
});

export const InvoiceSchema = new EntitySchema<Invoice>({
  class: asClass<Invoice>(Invoice),
  schema,
  tableName: 'invoices',
  uniques: [{ name: 'invoices_provider_invoice_id_key', properties: ['providerInvoiceId'] }],
  indexes: [{ name: 'invoices_user_idx', properties: ['userId', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    providerInvoiceId: { type: 'text' },
    subscriptionId: { type: 'uuid', nullable: true },
    providerSubscriptionId: { type: 'text', nullable: true },
    number: { type: 'text', nullable: true },
    status: { type: 'text' },
    amountDue: { type: 'integer' },
    amountPaid: { type: 'integer' },
    currency: { type: 'text' },
    billingReason: { type: 'text', nullable: true },
    periodStart: { type: 'datetime', nullable: true },
    periodEnd: { type: 'datetime', nullable: true },
    hostedUrl: { type: 'text', nullable: true },
    pdfUrl: { type: 'text', nullable: true },
    attemptCount: { type: 'integer' },
    failuresReported: { type: 'integer' },
    nextPaymentAttempt: { type: 'datetime', nullable: true },
    paidAt: { type: 'datetime', nullable: true },
    issuedAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

export const PaymentSchema = new EntitySchema<Payment>({
  class: asClass<Payment>(Payment),
  schema,
  tableName: 'payments',
  uniques: [
    { name: 'payments_invoice_id_key', properties: ['invoiceId'] },
    { name: 'payments_provider_payment_id_key', properties: ['providerPaymentId'] },
  ],
  indexes: [{ name: 'payments_user_idx', properties: ['userId', 'id'] }],
  checks: [
    { name: 'payments_refunds_within_amount', expression: 'refunded_amount >= 0 and refunded_amount <= amount' },
    { name: 'payments_dispute_outcome_check', expression: "dispute_outcome in ('open', 'won', 'lost')" },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    invoiceId: { type: 'uuid' },
    subscriptionId: { type: 'uuid', nullable: true },
    providerPaymentId: { type: 'text', nullable: true },
    amount: { type: 'integer' },
    currency: { type: 'text' },
    planId: { type: 'text', nullable: true },
    billingReason: { type: 'text', nullable: true },
    refundedAmount: { type: 'integer' },
    disputeId: { type: 'text', nullable: true },
    disputeReason: { type: 'text', nullable: true },
    disputedAt: { type: 'datetime', nullable: true },
    disputeOutcome: { type: 'text', nullable: true },
    paidAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  } as never, // getters are computed, not columns,
});

export const RefundSchema = new EntitySchema<Refund>({
  class: asClass<Refund>(Refund),
  schema,
  tableName: 'refunds',
  uniques: [
    { name: 'refunds_provider_refund_id_key', properties: ['providerRefundId'] },
    { name: 'refunds_credit_note_number_key', properties: ['creditNoteNumber'] },
  ],
  indexes: [
    { name: 'refunds_payment_idx', properties: ['paymentId'] },
    { name: 'refunds_invoice_idx', properties: ['invoiceId'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    paymentId: { type: 'uuid' },
    invoiceId: { type: 'uuid' },
    userId: { type: 'uuid' },
    amount: { type: 'integer' },
    currency: { type: 'text' },
    reason: { type: 'text', nullable: true },
    comment: { type: 'text', nullable: true },
    requestedBy: { type: 'uuid', nullable: true },
    forced: { type: 'boolean' },
    status: { type: 'text' },
    providerRefundId: { type: 'text', nullable: true },
    failureReason: { type: 'text', nullable: true },
    creditNoteNumber: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    settledAt: { type: 'datetime', nullable: true },
    version: { type: 'integer', version: true },
  },
});

export const WebhookEventSchema = new EntitySchema<WebhookEvent>({
  class: asClass<WebhookEvent>(WebhookEvent),
  schema,
  tableName: 'webhook_events',
  uniques: [{ name: 'webhook_events_provider_event_key', properties: ['provider', 'providerEventId'] }],
  indexes: [
    { name: 'webhook_events_status_idx', properties: ['status', 'nextAttemptAt'] },
    { name: 'webhook_events_customer_idx', properties: ['providerCustomerId'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    provider: { type: 'text' },
    providerEventId: { type: 'text' },
    type: { type: 'text' },
    payload: { type: 'json', lazy: true },
    providerCreatedAt: { type: 'datetime' },
    providerCustomerId: { type: 'text', nullable: true },
    status: { type: 'text' },
    attempts: { type: 'integer' },
    lastError: { type: 'text', nullable: true },
    outcome: { type: 'text', nullable: true },
    nextAttemptAt: { type: 'datetime', nullable: true },
    processedAt: { type: 'datetime', nullable: true },
    receivedAt: { type: 'datetime' },
  } as never, // getters are computed, not columns,
});

export const MrrMovementSchema = new EntitySchema<MrrMovementRecord>({
  class: asClass<MrrMovementRecord>(MrrMovementRecord),
  schema,
  tableName: 'mrr_movements',
  indexes: [{ name: 'mrr_movements_occurred_at_idx', properties: ['occurredAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    subscriptionId: { type: 'uuid' },
    userId: { type: 'uuid' },
    planId: { type: 'text' },
    currency: { type: 'text' },
    occurredAt: { type: 'datetime' },
    mrrBefore: { type: 'integer' },
    mrrAfter: { type: 'integer' },
  } as never, // no `version`: a movement is written once and never changes
});

export const BILLING_ENTITIES = [
  PlanSchema,
  ProviderPriceSchema,
  CustomerSchema,
  BillingAccountSchema,
  CheckoutSessionSchema,
  SubscriptionSchema,
  EntitlementGrantSchema,
  InvoiceSchema,
  PaymentSchema,
  RefundSchema,
  WebhookEventSchema,
  MrrMovementSchema,
];

/** Tables the migrations create and billing reaches with SQL only. */
export const BILLING_SQL_ONLY_TABLES = [
  'billing.usage_counters',
  'billing.usage_records',
  'billing.sandbox_objects',
  'billing.offers',
  'billing.offer_redemptions',
  'billing.revenue_entries',
];
