import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, SearchIndex, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { VideoDeletedV1, VideoPublishedV1, VideoUnpublishedV1, VideoUpdatedV1 } from '../../contracts/index.js';
import { VideoRepository } from '../../domain/video/video.repository.js';
import { CATALOG_INDEX, CatalogDocuments } from '../catalog/catalog-index.js';
import { ContentRestrictions } from '../moderation/content-restrictions.js';

type VideoChange = VideoPublishedV1 | VideoUnpublishedV1 | VideoUpdatedV1 | VideoDeletedV1;

/**
 * Keeps the catalog in step with videos: whatever the event, the video's current state decides —
 * published is indexed under its version, anything else (or gone) is removed. Replays are harmless.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'studio.project-catalog',
  on: [VideoPublishedV1, VideoUnpublishedV1, VideoUpdatedV1, VideoDeletedV1],
  concurrency: 4,
})
export class ProjectCatalog implements EventConsumer<VideoChange> {
  constructor(
    private readonly search: SearchIndex,
    private readonly documents: CatalogDocuments,
    private readonly videos: VideoRepository,
    private readonly restrictions: ContentRestrictions,
  ) {}

  // Repositories read through the delivery's own transaction (see ConsumerContext.em).
  async handle({ event, envelope }: ConsumerContext<VideoChange>): Promise<void> {
    await this.documents.hold(event.videoId);
    const video = await this.videos.byId(event.videoId);
    // A video trust & safety took down (or whose owner is suspended) stays out whatever the creator does.
    if (video?.state === 'published' && !(await this.restrictions.restrictionOf(video.id))) {
      const result = await this.search.upsert(CATALOG_INDEX.name, [await this.documents.of(video)]);
      if (result.failed.length) throw new Error(`catalog refused ${video.id}: ${result.failed[0].reason}`);
      return;
    }
    const version = await this.documents.versionOf(
      event.videoId,
      Math.max(video?.version ?? 0, envelope.aggregateVersion ?? 0),
    );
    await this.search.delete(CATALOG_INDEX.name, event.videoId, version);
  }
}
