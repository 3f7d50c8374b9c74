import { newId } from '@lib/platform/ddd';
import type { ProviderInvoiceState } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { A_USER_ID } from './subscription.builder.js';

const DAY_MS = 86_400_000;

/** Money received for an invoice: `aPayment().of(999).paidDaysAgo(3).build()`. */
export class PaymentBuilder {
  private props = {
    userId: A_USER_ID,
    invoiceId: newId(),
    subscriptionId: null as string | null,
    providerPaymentId: `ch_${newId()}` as string | null,
    amount: 999,
    currency: 'usd',
    paidAt: new Date(),
    planId: 'gold' as string | null,
    billingReason: 'subscription_create' as string | null,
  };

  forUser(userId: string): this {
    this.props.userId = userId;
    return this;
  }

  of(amount: number, currency = 'usd'): this {
    this.props.amount = amount;
    this.props.currency = currency;
    return this;
  }

  paidAt(at: Date): this {
    this.props.paidAt = at;
    return this;
  }

  paidDaysAgo(days: number, now = new Date()): this {
    return this.paidAt(new Date(now.getTime() - days * DAY_MS));
  }

  forSubscription(subscriptionId: string, planId: string): this {
    this.props.subscriptionId = subscriptionId;
    this.props.planId = planId;
    return this;
  }

  withProviderPaymentId(providerPaymentId: string | null): this {
    this.props.providerPaymentId = providerPaymentId;
    return this;
  }

  build(): Payment {
    const payment = Payment.received({ ...this.props });
    payment.pullDomainEvents();
    return payment;
  }
}

export const aPayment = () => new PaymentBuilder();

/** An invoice as the provider reports it: `aProviderInvoice().paid().build()`, open by default. */
export class ProviderInvoiceBuilder {
  private state: ProviderInvoiceState = {
    providerInvoiceId: 'in_1',
    providerCustomerId: 'cus_1',
    providerSubscriptionId: 'sub_1',
    number: 'INV-0001',
    status: 'open',
    amountDue: 999,
    amountPaid: 0,
    currency: 'usd',
    billingReason: 'subscription_cycle',
    periodStart: new Date('2026-11-01T00:00:00Z'),
    periodEnd: new Date('2026-12-01T00:00:00Z'),
    hostedUrl: null,
    pdfUrl: null,
    attemptCount: 0,
    nextPaymentAttempt: null,
    paidAt: null,
    createdAt: new Date('2026-11-01T00:00:00Z'),
  };

  withId(providerInvoiceId: string): this {
    this.state.providerInvoiceId = providerInvoiceId;
    return this;
  }

  forSubscription(providerSubscriptionId: string | null, providerCustomerId = this.state.providerCustomerId): this {
    this.state.providerSubscriptionId = providerSubscriptionId;
    this.state.providerCustomerId = providerCustomerId;
    return this;
  }

  of(amountDue: number, currency = 'usd'): this {
    this.state.amountDue = amountDue;
    this.state.currency = currency;
    return this;
  }

  paid(at = new Date('2026-11-01T00:00:05Z')): this {
    this.state = {
      ...this.state,
      status: 'paid',
      amountPaid: this.state.amountDue,
      paidAt: at,
      attemptCount: Math.max(1, this.state.attemptCount),
    };
    return this;
  }

  /** A collection attempt failed; the provider retries at `nextAttempt` (null: no more retries). */
  failedAttempt(attempt: number, nextAttempt: Date | null = null): this {
    this.state = { ...this.state, status: 'open', attemptCount: attempt, nextPaymentAttempt: nextAttempt };
    return this;
  }

  build(): ProviderInvoiceState {
    return structuredClone(this.state);
  }
}

export const aProviderInvoice = () => new ProviderInvoiceBuilder();
