import { DomainEvent } from '@lib/platform/ddd';

export class RefundIssued extends DomainEvent {
  constructor(readonly aggregateId: string) {
    super();
  }
}
