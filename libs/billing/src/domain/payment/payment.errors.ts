import { DomainError } from '@lib/platform/ddd';

export class PaymentNotFoundError extends DomainError {
  readonly code = 'billing.payment.not-found';
  readonly kind = 'not-found';
  constructor(paymentId: string) {
    super('There is no such payment', { paymentId });
  }
}

export class RefundExceedsPaymentError extends DomainError {
  readonly code = 'billing.refund.exceeds-payment';
  readonly kind = 'invalid';
  constructor(requested: number, refundable: number, currency: string) {
    super(`A refund of ${requested} exceeds the ${refundable} still refundable on this payment`, {
      requested,
      refundable,
      currency,
    });
  }
}

export class RefundOutsidePolicyError extends DomainError {
  readonly code = 'billing.refund.outside-policy';
  readonly kind = 'rule-violated';
  constructor(paidAt: Date, windowDays: number) {
    super(
      `This payment is older than the ${windowDays}-day refund policy; an admin can force the refund with a reason`,
      {
        paidAt: paidAt.toISOString(),
        windowDays,
      },
    );
  }
}

export class InvalidRefundError extends DomainError {
  readonly code = 'billing.refund.invalid';
  readonly kind = 'invalid';
}
