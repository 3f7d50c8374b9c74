import { Injectable, Optional } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { VideoDeletedV1, VideoPublishedV1, VideoUnpublishedV1 } from '@lib/studio/contracts';
import { AccountSanctionChangedV1, ContentActionedV1 } from '@lib/trust-safety/contracts';
import {
  RecommendationCache,
  SHARED_CACHE_OWNER,
  ANONYMOUS_CACHE_OWNER,
} from '../../recommendations/recommendation-ports.js';
import { ActorTrust, TrendEligibility, TrendingCache } from '../trending-ports.js';

type EligibilityFact =
  VideoPublishedV1 | VideoUnpublishedV1 | VideoDeletedV1 | ContentActionedV1 | AccountSanctionChangedV1;

const MODERATION = { approve: 'visible', restore: 'visible', hide: 'hidden', remove: 'removed' } as const;

/**
 * What may trend (and be recommended, with its features: docs/adr/0044): studio's published videos (with language and category) and trust & safety's
 * decisions on videos and accounts. A sanction change asks trust & safety for the account's standing
 * now (another sanction may still be in force, events may arrive twice or out of order); each
 * recompute asks again for every creator it ranks.
 */
@Injectable()
@IntegrationEventConsumer({
  name: 'engagement.track-trend-eligibility',
  on: [VideoPublishedV1, VideoUnpublishedV1, VideoDeletedV1, ContentActionedV1, AccountSanctionChangedV1],
})
export class TrackTrendEligibility implements EventConsumer<EligibilityFact> {
  constructor(
    private readonly eligibility: TrendEligibility,
    private readonly cache: TrendingCache,
    private readonly trust: ActorTrust,
    @Optional() private readonly recommendations?: RecommendationCache,
  ) {}

  async handle({ event, envelope, afterCommit }: ConsumerContext<EligibilityFact>): Promise<void> {
    // Lists filter taken-down videos and sanctioned accounts when read: cached pages must go too.
    afterCommit(() => this.cache.invalidate());
    // Lists everyone shares go too; a person's own cached list expires within RECS_CACHE_TTL_SECONDS.
    afterCommit(async () => {
      await this.recommendations?.forget(SHARED_CACHE_OWNER);
      await this.recommendations?.forget(ANONYMOUS_CACHE_OWNER);
    });
    const version = envelope.aggregateVersion ?? 0;
    if (event instanceof VideoPublishedV1) {
      await this.eligibility.published({
        videoId: event.videoId,
        channelId: event.channelId,
        creatorId: event.creatorId,
        title: event.title,
        language: event.language ?? null,
        category: event.category ?? null,
        tags: event.tags ?? [],
        description: event.description ?? '',
        seriesId: event.seriesId ?? null,
        durationSeconds: event.durationSeconds ?? null,
        publishedAt: new Date(event.publishedAt),
        version,
      });
    } else if (event instanceof VideoUnpublishedV1) {
      await this.eligibility.withdrawn(event.videoId, 'unpublished', version);
    } else if (event instanceof VideoDeletedV1) {
      await this.eligibility.withdrawn(event.videoId, 'deleted', version);
    } else if (event instanceof AccountSanctionChangedV1) {
      const standing = await this.trust.sanctionsOf([event.userId]);
      await this.eligibility.recordSanctions([event.userId], standing, new Date(event.changedAt));
    } else if (event.contentType === 'video') {
      await this.eligibility.moderated(event.contentId, MODERATION[event.action]);
    }
  }
}
