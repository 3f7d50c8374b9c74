import { Injectable } from '@nestjs/common';
import { newId } from '@lib/platform/ddd';
import {
  MAX_COUNTS_PER_BATCH,
  ViewCountBatch,
  ViewCountBatchRepository,
  type VideoViews,
} from '../domain/view-count-batch.js';

/** All-time views of the videos that had events in some hours, from the hourly rollups. */
export abstract class VideoViewTotals {
  abstract ofVideosIn(hours: Date[]): Promise<VideoViews[]>;
}

/**
 * After rollups are rebuilt, announces the new totals of every video the rebuilt hours touched
 * (`insights.video-views-counted.v1`, 500 per event). Views are the rollups' views — one per viewer,
 * video and view window, bots dropped at ingestion — so the catalog inherits that inflation resistance.
 */
@Injectable()
export class ViewCountPublisher {
  constructor(
    private readonly totals: VideoViewTotals,
    private readonly batches: ViewCountBatchRepository,
  ) {}

  async publish(hours: Date[]): Promise<number> {
    if (!hours.length) return 0;
    // Read before stamping: a later count always read rollups at least as new as an earlier one.
    const counts = await this.totals.ofVideosIn(hours);
    const countedAt = new Date();
    const batches: ViewCountBatch[] = [];
    for (let start = 0; start < counts.length; start += MAX_COUNTS_PER_BATCH)
      batches.push(ViewCountBatch.count(newId(), countedAt, counts.slice(start, start + MAX_COUNTS_PER_BATCH)));
    if (batches.length) await this.batches.addAll(batches);
    return counts.length;
  }
}
