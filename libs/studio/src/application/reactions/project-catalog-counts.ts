import { Injectable } from '@nestjs/common';
import {
  IntegrationEventConsumer,
  SearchIndex,
  type ConsumerContext,
  type EventConsumer,
  type IntegrationEvent,
} from '@lib/platform';
import { VideoLikedV1, VideoTrendScoresChangedV1, VideoUnlikedV1 } from '@lib/engagement/contracts';
import { VideoViewsCountedV1 } from '@lib/insights/contracts';
import { VideoRepository } from '../../domain/video/video.repository.js';
import { CatalogCounts } from '../catalog/catalog-counts.js';
import { CATALOG_INDEX, CatalogDocuments } from '../catalog/catalog-index.js';

type CountChange = VideoViewsCountedV1 | VideoLikedV1 | VideoUnlikedV1 | VideoTrendScoresChangedV1;

/**
 * Keeps the catalog's `views`, `likes`, `popularity` and `trending` from other contexts' events:
 * each count is stored under its own ordering guard (a late or replayed event changes nothing),
 * then every published video whose counts moved is re-indexed under a higher document version.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'studio.project-catalog-counts',
  on: [VideoViewsCountedV1, VideoLikedV1, VideoUnlikedV1, VideoTrendScoresChangedV1],
  concurrency: 4,
})
export class ProjectCatalogCounts implements EventConsumer<CountChange> {
  constructor(
    private readonly counts: CatalogCounts,
    private readonly search: SearchIndex,
    private readonly documents: CatalogDocuments,
    private readonly videos: VideoRepository,
  ) {}

  async handle({ event, envelope }: ConsumerContext<IntegrationEvent>): Promise<void> {
    const changed = await this.record(event as CountChange, envelope.aggregateVersion ?? 0);
    // Sorted, so two batches naming the same videos take their row locks in the same order.
    for (const videoId of [...new Set(changed)].sort()) await this.reindex(videoId);
  }

  private record(event: CountChange, version: number): Promise<string[]> {
    if (event instanceof VideoViewsCountedV1) return this.counts.recordViews(event.counts, new Date(event.countedAt));
    if (event instanceof VideoTrendScoresChangedV1)
      return this.counts.recordTrending(event.scores, new Date(event.computedAt));
    return this.counts.recordLikes(event.videoId, event.likes, version);
  }

  private async reindex(videoId: string): Promise<void> {
    await this.documents.hold(videoId);
    const video = await this.videos.byId(videoId);
    // Unpublished or unknown videos keep their counts for when they are (re)published.
    if (video?.state !== 'published') return;
    const result = await this.search.upsert(CATALOG_INDEX.name, [await this.documents.of(video)]);
    if (result.failed.length) throw new Error(`catalog refused ${video.id}: ${result.failed[0].reason}`);
  }
}
