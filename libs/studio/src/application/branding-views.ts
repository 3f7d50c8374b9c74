import { Injectable } from '@nestjs/common';
import { BillingApi } from '@lib/billing/contracts';
import type { PublicChannelBranding } from '../contracts/published-catalog.js';
import { NO_BRANDING, type BrandingImage, type ChannelBranding } from '../domain/channel/branding.js';
import { CUSTOM_BRANDING } from './channel-teams.js';
import { BrandingImageStore } from './media/media-ports.js';

export interface BrandingImageView {
  url: string;
  type: BrandingImage['type'];
  width: number;
  height: number;
  bytes: number;
  uploadedAt: string;
}

/** What the team sees: everything stored, and whether the public pages show it now. */
export interface ChannelBrandingView {
  channelId: string;
  accentColor: string | null;
  tagline: string | null;
  banner: BrandingImageView | null;
  logo: BrandingImageView | null;
  /** False while the owner's plan lacks `custom_branding`: kept, but not shown on public pages. */
  shownPublicly: boolean;
}

/**
 * Branding as the team and the public see it. The public sees it only while the channel owner's plan
 * includes `custom_branding`: a downgrade hides it without deleting it, an upgrade shows it again.
 */
@Injectable()
export class BrandingViews {
  constructor(
    private readonly billing: BillingApi,
    private readonly images: BrandingImageStore,
  ) {}

  async forTeam(channel: {
    id: string;
    ownerId: string;
    branding: ChannelBranding | null;
  }): Promise<ChannelBrandingView> {
    const branding = channel.branding ?? NO_BRANDING;
    const image = (stored: BrandingImage | null): BrandingImageView | null =>
      stored && {
        url: this.images.url(channel.id, stored.key),
        type: stored.type,
        width: stored.width,
        height: stored.height,
        bytes: stored.bytes,
        uploadedAt: stored.uploadedAt,
      };
    return {
      channelId: channel.id,
      accentColor: branding.accentColor,
      tagline: branding.tagline,
      banner: image(branding.banner),
      logo: image(branding.logo),
      shownPublicly: channel.branding !== null && (await this.billing.isEntitled(channel.ownerId, CUSTOM_BRANDING)),
    };
  }

  /** The public view of one owner's channels' branding (one plan read for them all); null where none is shown. */
  async forPublic(
    ownerId: string,
    channels: { id: string; branding: ChannelBranding | null }[],
  ): Promise<Map<string, PublicChannelBranding | null>> {
    const shown =
      channels.some((channel) => channel.branding) && (await this.billing.isEntitled(ownerId, CUSTOM_BRANDING));
    return new Map(
      channels.map(({ id, branding }) => [
        id,
        shown && branding
          ? {
              accentColor: branding.accentColor,
              tagline: branding.tagline,
              bannerUrl: branding.banner && this.images.url(id, branding.banner.key),
              logoUrl: branding.logo && this.images.url(id, branding.logo.key),
            }
          : null,
      ]),
    );
  }
}
