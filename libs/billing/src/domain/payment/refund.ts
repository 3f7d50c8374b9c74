import { AggregateRoot, newId } from '@lib/platform/ddd';
import { RefundIssued } from './refund.events.js';

/** The provider's refund reasons (Stripe's). */
export const REFUND_REASONS = ['requested_by_customer', 'duplicate', 'fraudulent'] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
export type RefundStatus = 'pending' | 'succeeded' | 'failed';

/**
 * Money returned on a payment, with the credit note that documents it to the customer. Created
 * before the provider call (its id is the call's idempotency key), settled when the provider answers.
 */
export class Refund extends AggregateRoot {
  readonly id: string;
  readonly paymentId: string;
  readonly invoiceId: string;
  readonly userId: string;
  readonly amount: number;
  readonly currency: string;
  readonly reason: RefundReason | null;
  readonly comment: string | null;
  readonly requestedBy: string | null;
  /** Issued outside the refund policy window, by an admin's decision. */
  readonly forced: boolean;
  status: RefundStatus;
  providerRefundId: string | null;
  failureReason: string | null = null;
  /** The credit note's number, shown to the customer (assigned when the refund succeeds). */
  creditNoteNumber: string | null = null;
  readonly createdAt: Date;
  settledAt: Date | null = null;

  private constructor(props: {
    payment: { id: string; invoiceId: string; userId: string; currency: string };
    amount: number;
    reason: RefundReason | null;
    comment: string | null;
    requestedBy: string | null;
    forced: boolean;
    status: RefundStatus;
    providerRefundId: string | null;
  }) {
    super();
    this.id = newId();
    this.paymentId = props.payment.id;
    this.invoiceId = props.payment.invoiceId;
    this.userId = props.payment.userId;
    this.currency = props.payment.currency;
    this.amount = props.amount;
    this.reason = props.reason;
    this.comment = props.comment;
    this.requestedBy = props.requestedBy;
    this.forced = props.forced;
    this.status = props.status;
    this.providerRefundId = props.providerRefundId;
    this.createdAt = new Date();
  }

  static requested(props: {
    payment: { id: string; invoiceId: string; userId: string; currency: string };
    amount: number;
    reason: RefundReason;
    comment: string | null;
    requestedBy: string;
    forced: boolean;
  }): Refund {
    return new Refund({ ...props, status: 'pending', providerRefundId: null });
  }

  /** A refund made outside our API (the provider's dashboard), learnt from a webhook. */
  static external(props: {
    payment: { id: string; invoiceId: string; userId: string; currency: string };
    amount: number;
    providerRefundId: string | null;
  }): Refund {
    const refund = new Refund({
      ...props,
      reason: null,
      comment: null,
      requestedBy: null,
      forced: false,
      status: 'pending',
      providerRefundId: props.providerRefundId,
    });
    return refund;
  }

  succeed(providerRefundId: string, creditNoteNumber: string, at = new Date()): void {
    if (this.status === 'succeeded') return;
    this.status = 'succeeded';
    this.providerRefundId = providerRefundId;
    this.creditNoteNumber = creditNoteNumber;
    this.settledAt = at;
    this.record(new RefundIssued(this.id));
  }

  fail(reason: string): void {
    if (this.status !== 'pending') return;
    this.status = 'failed';
    this.failureReason = reason;
    this.settledAt = new Date();
  }
}
