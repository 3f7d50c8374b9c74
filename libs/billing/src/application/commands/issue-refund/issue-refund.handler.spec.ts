import {
  InvalidRefundError,
  PaymentNotFoundError,
  RefundExceedsPaymentError,
  RefundOutsidePolicyError,
} from '../../../domain/payment/payment.errors.js';
import { RefundIssued } from '../../../domain/payment/refund.events.js';
import { aPayment, inMemoryBilling, type InMemoryBilling } from '../../../testing/index.js';
import { IssueRefundCommand } from './issue-refund.command.js';
import { IssueRefundHandler } from './issue-refund.handler.js';
import type { AuditEntry } from '@lib/trust-safety/contracts';

const ADMIN = '0193f000-0000-7000-8000-0000000000ad';

describe('Issuing a refund', () => {
  let billing: InMemoryBilling;
  let handler: IssueRefundHandler;
  let audited: AuditEntry[];

  beforeEach(() => {
    billing = inMemoryBilling({ env: { BILLING_REFUND_WINDOW_DAYS: '30' } });
    audited = [];
    const audit = { record: async (entry: AuditEntry) => void audited.push(entry) };
    handler = new IssueRefundHandler(billing.payments, billing.provider, billing.unitOfWork, billing.config, audit);
  });

  const refund = (paymentId: string, options: { amount?: number; comment?: string | null; force?: boolean } = {}) =>
    handler.execute(
      new IssueRefundCommand(
        ADMIN,
        paymentId,
        options.amount,
        'requested_by_customer',
        options.comment ?? null,
        options.force ?? false,
      ),
    );
  const paymentOf = async (id: string) => (await billing.payments.paymentById(id))!;

  it('refunds the whole payment by default, with a credit note and the refund id as the provider’s idempotency key', async () => {
    const payment = aPayment().of(999).paidDaysAgo(3).build();
    billing.given(payment);

    const view = await refund(payment.id);

    expect(view).toMatchObject({ amount: 999, status: 'succeeded', creditNote: { number: 'CN-000001', amount: 999 } });
    expect(await paymentOf(payment.id)).toMatchObject({ refundedAmount: 999, status: 'refunded' });
    const [call] = billing.provider.refundCalls;
    expect(call).toEqual({
      input: {
        providerPaymentId: payment.providerPaymentId,
        amount: 999,
        reason: 'requested_by_customer',
        refundId: view.id,
      },
      idempotencyKey: `refund:${view.id}`,
    });
    expect(billing.unitOfWork.publishedOf(RefundIssued)).toHaveLength(1);
    expect(audited).toEqual([
      {
        actorId: ADMIN,
        action: 'billing.refund.requested',
        target: { type: 'payment', id: payment.id },
        reason: 'requested_by_customer',
        data: { refundId: view.id, amount: 999, reason: 'requested_by_customer', force: false },
      },
    ]);
  });

  it('refunds part of a payment, and the rest later, but never more than was paid', async () => {
    const payment = aPayment().of(1_000).paidDaysAgo(1).build();
    billing.given(payment);

    await refund(payment.id, { amount: 400 });
    await refund(payment.id, { amount: 600 });

    await expect(refund(payment.id, { amount: 1 })).rejects.toBeInstanceOf(RefundExceedsPaymentError);
    expect(await paymentOf(payment.id)).toMatchObject({ refundedAmount: 1_000, status: 'refunded' });
    expect(billing.provider.refundCalls).toHaveLength(2);
  });

  it('refuses a payment older than the refund window unless an admin forces it with a reason', async () => {
    const payment = aPayment().of(999).paidDaysAgo(31).build();
    billing.given(payment);

    await expect(refund(payment.id)).rejects.toBeInstanceOf(RefundOutsidePolicyError);
    await expect(refund(payment.id, { force: true })).rejects.toBeInstanceOf(InvalidRefundError);
    expect(billing.provider.refundCalls).toHaveLength(0);
    expect(await paymentOf(payment.id)).toMatchObject({ refundedAmount: 0 });

    const forced = await refund(payment.id, { force: true, comment: 'charged twice by a support mistake' });
    expect(forced).toMatchObject({ status: 'succeeded', amount: 999 });
    expect(await billing.payments.refundById(forced.id)).toMatchObject({
      forced: true,
      comment: 'charged twice by a support mistake',
    });
  });

  it('refunds inside the window without forcing', async () => {
    const payment = aPayment().of(999).paidDaysAgo(29).build();
    billing.given(payment);

    await expect(refund(payment.id)).resolves.toMatchObject({ status: 'succeeded' });
    expect(await billing.payments.refundById(billing.payments.refunds.all()[0].id)).toMatchObject({ forced: false });
  });

  it('releases the reserved amount and records the failure when the provider refuses the refund', async () => {
    const payment = aPayment().of(999).paidDaysAgo(2).build();
    billing.given(payment);
    billing.provider.failRefunds(new Error('charge already disputed'));

    await expect(refund(payment.id)).rejects.toThrow('charge already disputed');

    expect(await paymentOf(payment.id)).toMatchObject({ refundedAmount: 0, status: 'succeeded' });
    const [failed] = billing.payments.refunds.all();
    expect(failed).toMatchObject({
      status: 'failed',
      failureReason: 'charge already disputed',
      creditNoteNumber: null,
    });
    expect(billing.unitOfWork.publishedOf(RefundIssued)).toHaveLength(0);
  });

  it('answers not found for an unknown payment', async () => {
    await expect(refund('0193f000-0000-7000-8000-00000000dead')).rejects.toBeInstanceOf(PaymentNotFoundError);
  });
});
