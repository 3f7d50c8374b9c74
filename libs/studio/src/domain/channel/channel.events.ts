import { DomainEvent } from '@lib/platform/ddd';

export class ChannelCreated extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly name: string,
  ) {
    super();
  }
}
