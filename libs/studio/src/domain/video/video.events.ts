import { DomainEvent } from '@lib/platform/ddd';
import type { ProcessingFailure } from './processing-failure.js';

export class VideoCreated extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
export class VideoUpdated extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
    readonly changedFields: string[],
  ) {
    super();
  }
}
export class VideoProcessingProgressed extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
    readonly assetId: string,
    readonly step: string,
    readonly percent: number,
  ) {
    super();
  }
}
export class VideoProcessingFailed extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
    readonly assetId: string,
    readonly failure: ProcessingFailure,
  ) {
    super();
  }
}
export class VideoReady extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
export class VideoScheduled extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
    readonly at: Date,
  ) {
    super();
  }
}
export class VideoPublished extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
    /** The channel owner at the time: whose followers hear about it. */
    readonly creatorId: string,
  ) {
    super();
  }
}
export class VideoUnpublished extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
export class VideoDeleted extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
