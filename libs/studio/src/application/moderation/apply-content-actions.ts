import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { ContentActionedV1 } from '@lib/trust-safety/contracts';
import { CatalogVisibility } from './catalog-visibility.js';
import { ContentRestrictions } from './content-restrictions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// `approve` releases held texts; a video is never held, so it changes nothing here.
const TAKES_DOWN = { hide: true, remove: true, restore: false } as const;

/**
 * Applies trust & safety's decisions on videos to studio's own data: hide/remove take the video out of
 * the catalog and refuse playback, restore brings it back. Ordered by decision time, not arrival.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'studio.apply-content-actions', on: [ContentActionedV1], concurrency: 2 })
export class ApplyContentActions implements EventConsumer<ContentActionedV1> {
  constructor(
    private readonly restrictions: ContentRestrictions,
    private readonly visibility: CatalogVisibility,
  ) {}

  async handle({ event }: ConsumerContext<ContentActionedV1>): Promise<void> {
    if (event.contentType !== 'video' || !UUID.test(event.contentId) || !(event.action in TAKES_DOWN)) return;
    const videoId = event.contentId.toLowerCase();
    const applied = await this.restrictions.recordVideoDecision({
      videoId,
      takenDown: TAKES_DOWN[event.action as keyof typeof TAKES_DOWN],
      action: event.action,
      decisionId: event.decisionId,
      rule: event.rule,
      decidedAt: new Date(event.decidedAt),
    });
    if (!applied) return;
    await this.restrictions.bumpVersions([videoId]);
    await this.visibility.refresh(videoId);
  }
}
