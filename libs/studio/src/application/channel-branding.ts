import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import type { BrandingImage } from '../domain/channel/branding.js';
import type { Channel } from '../domain/channel/channel.js';
import { BrandingViews, type ChannelBrandingView } from './branding-views.js';
import { ChannelTeams } from './channel-teams.js';
import { BrandingImageStore } from './media/media-ports.js';

/**
 * What every branding change shares: the gate, one transaction on the channel, and the files the
 * change let go deleted only after it committed (a failed delete leaves an unreferenced file, logged).
 */
@Injectable()
export class ChannelBrandingChanges {
  private readonly logger = new Logger('studio.branding');

  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: BrandingViews,
    private readonly images: BrandingImageStore,
  ) {}

  /**
   * `change` returns the images it released. Adding or changing branding needs the owner's
   * `custom_branding` (402); taking it down needs only the role, as any reduction does (ADR 0056, 0062).
   */
  async apply(
    userId: string,
    channelId: string,
    mode: 'add' | 'reduce',
    change: (channel: Channel) => Promise<(BrandingImage | null)[]> | (BrandingImage | null)[],
  ): Promise<ChannelBrandingView> {
    const { channel, released } = await this.unitOfWork.transactional(async () => {
      const found =
        mode === 'add'
          ? await this.teams.requireToBrand(userId, channelId)
          : await this.teams.require(userId, channelId, 'editor');
      return { channel: found, released: await change(found) };
    });
    await this.release(released);
    return this.views.forTeam(channel);
  }

  async release(images: (BrandingImage | null)[]): Promise<void> {
    const keys = images.filter((image): image is BrandingImage => !!image).map((image) => image.key);
    if (!keys.length) return;
    await this.images
      .remove(keys)
      .catch((error: Error) => this.logger.warn({ keys, err: error }, 'deleting released branding images failed'));
  }
}
