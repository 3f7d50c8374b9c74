import { Injectable } from '@nestjs/common';
import { IntegrationEventConsumer, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { AccountSanctionChangedV1 } from '@lib/trust-safety/contracts';
import { CatalogVisibility } from './catalog-visibility.js';
import { ContentRestrictions } from './content-restrictions.js';

/**
 * While an account is suspended or banned, every video of the channels it owns is out of the catalog
 * and refused playback; lifting brings them back (unless taken down on their own). Timeouts only mute.
 */
@Injectable()
@IntegrationEventConsumer({ name: 'studio.apply-account-sanctions', on: [AccountSanctionChangedV1] })
export class ApplyAccountSanctions implements EventConsumer<AccountSanctionChangedV1> {
  constructor(
    private readonly restrictions: ContentRestrictions,
    private readonly visibility: CatalogVisibility,
  ) {}

  async handle({ event }: ConsumerContext<AccountSanctionChangedV1>): Promise<void> {
    if (event.sanction === 'timeout') return;
    const applied = await this.restrictions.recordOwnerSanction(
      event.userId,
      event.sanction,
      event.change === 'imposed',
      new Date(event.changedAt),
    );
    if (!applied) return;
    const videoIds = await this.restrictions.videosOwnedBy(event.userId);
    await this.restrictions.bumpVersions(videoIds);
    for (const videoId of videoIds) await this.visibility.refresh(videoId);
  }
}
