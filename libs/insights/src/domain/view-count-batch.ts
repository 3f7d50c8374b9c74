import { AggregateRoot, DomainEvent } from '@lib/platform/ddd';

export interface VideoViews {
  videoId: string;
  views: number;
}

/** Up to 500 videos' total views, as counted at one moment (the catalog shows them). */
export class ViewsCounted extends DomainEvent {
  constructor(
    readonly aggregateId: string,
    readonly counts: VideoViews[],
    readonly countedAt: Date,
  ) {
    super();
  }
}

export const MAX_COUNTS_PER_BATCH = 500;

/**
 * One publication of view totals. Kept as a row so the announcement leaves through the outbox in
 * the same commit (ADR 0002), and so what was told to other contexts can be looked up later.
 */
export class ViewCountBatch extends AggregateRoot {
  constructor(
    readonly id: string,
    readonly countedAt: Date,
    readonly counts: VideoViews[],
  ) {
    super();
  }

  static count(id: string, countedAt: Date, counts: VideoViews[]): ViewCountBatch {
    if (counts.length === 0 || counts.length > MAX_COUNTS_PER_BATCH)
      throw new RangeError(`a view count batch holds 1 to ${MAX_COUNTS_PER_BATCH} videos`);
    const batch = new ViewCountBatch(id, countedAt, counts);
    batch.record(new ViewsCounted(id, counts, countedAt));
    return batch;
  }
}

export abstract class ViewCountBatchRepository {
  /** Saves the batches in one transaction of their own (their events with them). */
  abstract addAll(batches: ViewCountBatch[]): Promise<void>;
}
