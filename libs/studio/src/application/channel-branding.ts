import { Injectable, Logger } from '@nestjs/common';
import { BillingApi } from '@lib/billing/contracts';
import { UnitOfWork } from '@lib/platform';
import type { BrandingImage } from '../domain/channel/branding.js';
import type { Channel } from '../domain/channel/channel.js';
import { BrandingViews, type ChannelBrandingView } from './branding-views.js';
import { ChannelTeams } from './channel-teams.js';
import { BrandingImageStore } from './media/media-ports.js';

/** A stored image's share of its owner's `storage_bytes`, keyed by its file so it counts, and is given back, once. */
const storageKey = (imageKey: string) => `branding:${imageKey}`;

/**
 * What every branding change shares: the gate, one transaction on the channel, and the files the
 * change let go deleted only after it committed (a failed delete leaves an unreferenced file, logged),
 * their bytes given back to the storage quota they were counted against (docs/adr/0067).
 */
@Injectable()
export class ChannelBrandingChanges {
  private readonly logger = new Logger('studio.branding');

  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: BrandingViews,
    private readonly images: BrandingImageStore,
    private readonly billing: BillingApi,
  ) {}

  /**
   * Counts a file about to be stored against the owner's `storage_bytes`, in billing's atomic counter
   * as videos are (ADR 0057): concurrent uploads never pass the limit; past it, 402 `billing.quota.exceeded`.
   */
  async charge(ownerId: string, imageKey: string, bytes: number): Promise<void> {
    await this.billing.consume(ownerId, 'storage_bytes', bytes, { key: storageKey(imageKey) });
  }

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

  /** Deletes the files, then gives their bytes back to whoever they were charged to (keyed: once). */
  async release(images: (BrandingImage | null)[]): Promise<void> {
    const released = images.filter((image): image is BrandingImage => !!image);
    if (!released.length) return;
    const keys = released.map((image) => image.key);
    await this.images
      .remove(keys)
      .catch((error: Error) => this.logger.warn({ keys, err: error }, 'deleting released branding images failed'));
    for (const image of released) if (image.chargedTo) await this.uncharge(image.chargedTo, image.key, image.bytes);
  }

  private async uncharge(ownerId: string, imageKey: string, bytes: number): Promise<void> {
    await this.billing
      .release(ownerId, 'storage_bytes', bytes, { key: storageKey(imageKey) })
      .catch((error: Error) => this.logger.warn({ key: imageKey, err: error }, 'branding storage not given back'));
  }
}
