import { Invoice, type ProviderInvoiceState } from './invoice.js';
import { InvoicePaid, InvoicePaymentFailed } from './invoice.events.js';
import { RefundExceedsPaymentError, RefundOutsidePolicyError, InvalidRefundError } from './payment.errors.js';
import { Payment } from './payment.js';

const USER = '0193f000-0000-7000-8000-000000000001';
const paidAt = new Date('2026-11-01T00:00:00Z');
const day = 86_400_000;

function aPayment(amount = 499): Payment {
  return Payment.received({
    userId: USER,
    invoiceId: 'inv',
    subscriptionId: null,
    providerPaymentId: 'pi_1',
    amount,
    currency: 'usd',
    paidAt,
    planId: 'prime',
    billingReason: 'subscription_create',
  });
}
const request = { reason: 'requested_by_customer' as const, comment: null, requestedBy: USER, force: false };

describe('Payment refunds', () => {
  it('refunds everything still refundable by default, and reserves it', () => {
    const payment = aPayment();
    const refund = payment.requestRefund(request, new Date(paidAt.getTime() + day), 30);
    expect(refund.amount).toBe(499);
    expect(payment.refundable).toBe(0);
    expect(payment.status).toBe('refunded');
  });

  it('refuses more than what remains, across several refunds', () => {
    const payment = aPayment();
    payment.requestRefund({ ...request, amount: 300 }, new Date(paidAt.getTime() + day), 30);
    expect(() => payment.requestRefund({ ...request, amount: 200 }, new Date(paidAt.getTime() + day), 30)).toThrow(
      RefundExceedsPaymentError,
    );
    expect(payment.requestRefund({ ...request, amount: 199 }, new Date(paidAt.getTime() + day), 30).amount).toBe(199);
  });

  it('refuses refunds outside the policy window unless forced with a comment', () => {
    const payment = aPayment();
    const late = new Date(paidAt.getTime() + 31 * day);
    expect(() => payment.requestRefund(request, late, 30)).toThrow(RefundOutsidePolicyError);
    expect(() => payment.requestRefund({ ...request, force: true }, late, 30)).toThrow(InvalidRefundError);
    const forced = payment.requestRefund({ ...request, force: true, comment: 'service outage' }, late, 30);
    expect(forced.forced).toBe(true);
  });

  it('releases a reservation when the provider fails the refund', () => {
    const payment = aPayment();
    const refund = payment.requestRefund({ ...request, amount: 100 }, paidAt, 30);
    refund.fail('card_expired');
    payment.releaseRefund(refund);
    expect(payment.refundable).toBe(499);
  });

  it('records a refund made elsewhere only for the amount it does not know yet', () => {
    const payment = aPayment();
    payment.requestRefund({ ...request, amount: 100 }, paidAt, 30);
    expect(payment.reconcileRefundedTotal(100, 're_1')).toBeNull();
    expect(payment.reconcileRefundedTotal(250, 're_2')?.amount).toBe(150);
    expect(payment.refundedAmount).toBe(250);
  });
});

function invoiceState(overrides: Partial<ProviderInvoiceState> = {}): ProviderInvoiceState {
  return {
    providerInvoiceId: 'in_1',
    providerCustomerId: 'cus_1',
    providerSubscriptionId: 'sub_1',
    number: 'INV-1',
    status: 'open',
    amountDue: 499,
    amountPaid: 0,
    currency: 'usd',
    billingReason: 'subscription_cycle',
    periodStart: null,
    periodEnd: null,
    hostedUrl: null,
    pdfUrl: null,
    attemptCount: 1,
    nextPaymentAttempt: null,
    paidAt: null,
    createdAt: paidAt,
    ...overrides,
  };
}

describe('Invoice', () => {
  it('never goes back from paid to open', () => {
    const invoice = Invoice.fromProvider(USER, null, invoiceState({ status: 'paid', amountPaid: 499 }));
    expect(invoice.pullDomainEvents().map((e) => e.constructor)).toEqual([InvoicePaid]);
    expect(invoice.applyProviderState(invoiceState({ status: 'open' }), null)).toBe(false);
    expect(invoice.status).toBe('paid');
  });

  it('announces each failed attempt once, and none once paid', () => {
    const invoice = Invoice.fromProvider(USER, null, invoiceState());
    expect(invoice.reportPaymentFailure(1, null, null)).toBe(true);
    expect(invoice.reportPaymentFailure(1, null, null)).toBe(false);
    expect(invoice.reportPaymentFailure(2, null, null)).toBe(true);
    invoice.applyProviderState(invoiceState({ status: 'paid', amountPaid: 499, attemptCount: 3 }), null);
    expect(invoice.reportPaymentFailure(3, null, null)).toBe(false);
    expect(invoice.pullDomainEvents().filter((e) => e instanceof InvoicePaymentFailed)).toHaveLength(2);
  });
});
