import { DomainEvent } from '@lib/platform/ddd';

export class PaymentSucceeded extends DomainEvent {
  constructor(readonly aggregateId: string) {
    super();
  }
}
