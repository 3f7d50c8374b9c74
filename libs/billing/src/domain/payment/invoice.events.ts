import { DomainEvent } from '@lib/platform/ddd';

export class InvoicePaid extends DomainEvent {
  constructor(readonly aggregateId: string) {
    super();
  }
}

export class InvoicePaymentFailed extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly userId: string,
    readonly attempt: number,
    readonly nextPaymentAttempt: Date | null,
    /** Until when the plan stays in force while the payment is retried (the grace period's end). */
    readonly accessUntil: Date | null,
  ) {
    super();
  }
}
