import { AggregateRoot, newId } from '@lib/platform/ddd';
import { InvalidRefundError, RefundExceedsPaymentError, RefundOutsidePolicyError } from './payment.errors.js';
import { Refund, type RefundReason } from './refund.js';
import { PaymentSucceeded } from './payment.events.js';
import type { DisputeOutcome } from './payment-dispute.js';

interface PaymentProps {
  userId: string;
  invoiceId: string;
  subscriptionId: string | null;
  providerPaymentId: string | null;
  amount: number;
  currency: string;
  paidAt: Date;
  planId: string | null;
  billingReason: string | null;
}

export interface RefundRequest {
  amount?: number;
  reason: RefundReason;
  comment: string | null;
  requestedBy: string;
  /** Lets an admin refund outside the policy window; the comment then says why. */
  force: boolean;
}

/**
 * Money received for an invoice. Refunds are measured against it: the total refunded never exceeds
 * the amount paid, and the policy window applies unless an admin forces it with a reason.
 */
export class Payment extends AggregateRoot {
  readonly id: string;
  readonly userId: string;
  readonly invoiceId: string;
  readonly subscriptionId: string | null;
  readonly providerPaymentId: string | null;
  readonly amount: number;
  readonly currency: string;
  /** The plan and the invoice's reason (`subscription_create`, `subscription_cycle`, …) at payment time. */
  readonly planId: string | null;
  readonly billingReason: string | null;
  refundedAmount = 0;
  disputeId: string | null = null;
  disputeReason: string | null = null;
  disputedAt: Date | null = null;
  /** The dispute's state as last read from the provider; an open or lost one takes the payment out of revenue shares. */
  disputeOutcome: DisputeOutcome | null = null;
  readonly paidAt: Date;
  updatedAt: Date;

  private constructor(props: PaymentProps) {
    super();
    this.id = newId();
    this.userId = props.userId;
    this.invoiceId = props.invoiceId;
    this.subscriptionId = props.subscriptionId;
    this.providerPaymentId = props.providerPaymentId;
    this.amount = props.amount;
    this.currency = props.currency;
    this.paidAt = props.paidAt;
    this.planId = props.planId;
    this.billingReason = props.billingReason;
    this.updatedAt = new Date();
  }

  static received(props: PaymentProps): Payment {
    const payment = new Payment(props);
    payment.record(new PaymentSucceeded(payment.id));
    return payment;
  }

  get refundable(): number {
    return this.amount - this.refundedAmount;
  }

  get status(): 'succeeded' | 'partially_refunded' | 'refunded' {
    if (this.refundedAmount === 0) return 'succeeded';
    return this.refundedAmount >= this.amount ? 'refunded' : 'partially_refunded';
  }

  /** Starts a refund (the provider call follows); reserves the amount so two refunds cannot overdraw. */
  requestRefund(request: RefundRequest, now: Date, windowDays: number): Refund {
    const amount = request.amount ?? this.refundable;
    if (!Number.isInteger(amount) || amount <= 0)
      throw new InvalidRefundError('A refund amount must be a positive whole number of minor units');
    if (amount > this.refundable) throw new RefundExceedsPaymentError(amount, this.refundable, this.currency);
    const outsideWindow = now.getTime() - this.paidAt.getTime() > windowDays * 86_400_000;
    if (outsideWindow && !request.force) throw new RefundOutsidePolicyError(this.paidAt, windowDays);
    if (request.force && !request.comment?.trim())
      throw new InvalidRefundError('A forced refund needs a comment saying why');
    this.refundedAmount += amount;
    this.updatedAt = now;
    return Refund.requested({
      payment: this,
      amount,
      reason: request.reason,
      comment: request.comment,
      requestedBy: request.requestedBy,
      forced: outsideWindow,
    });
  }

  /** The provider failed a refund we requested: the reserved amount is refundable again. */
  releaseRefund(refund: Refund): void {
    this.refundedAmount -= refund.amount;
    this.updatedAt = new Date();
  }

  /**
   * The provider says `totalRefunded` has been refunded in all; anything beyond what we know (a refund
   * made in the provider's dashboard) becomes a refund record of its own.
   */
  reconcileRefundedTotal(totalRefunded: number, providerRefundId: string | null): Refund | null {
    if (totalRefunded <= this.refundedAmount) return null;
    const amount = Math.min(totalRefunded, this.amount) - this.refundedAmount;
    this.refundedAmount += amount;
    this.updatedAt = new Date();
    return Refund.external({ payment: this, amount, providerRefundId });
  }

  /** Records the dispute's current state (a charge has one dispute); false when nothing changed. */
  applyDispute(dispute: { id: string; reason: string | null; openedAt: Date; outcome: DisputeOutcome }): boolean {
    if (this.disputeId === dispute.id && this.disputeOutcome === dispute.outcome) return false;
    this.disputeId = dispute.id;
    this.disputeReason = dispute.reason;
    this.disputedAt = dispute.openedAt;
    this.disputeOutcome = dispute.outcome;
    this.updatedAt = new Date();
    return true;
  }
}
