import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BillingApi } from '@lib/billing/contracts';
import { ChannelRepository } from '../../../domain/channel/channel.repository.js';
import { VideoRepository } from '../../../domain/video/video.repository.js';
import { CatalogVideoNotFoundError } from '../../catalog/catalog.errors.js';
import { MediaLibrary } from '../../media/media-ports.js';
import { CatalogVisibility } from '../../moderation/catalog-visibility.js';
import { GetPlaybackQuery } from './get-playback.query.js';

/**
 * Who may play: the channel's team always; otherwise the video must be published, the caller's plan
 * must include its access level (unless free), and during early access, `early_access`.
 * Refusals are billing's 403 `billing.entitlement.required`, naming the plans that unlock it.
 */
@QueryHandler(GetPlaybackQuery)
export class GetPlaybackHandler implements IQueryHandler<GetPlaybackQuery> {
  constructor(
    private readonly videos: VideoRepository,
    private readonly channels: ChannelRepository,
    private readonly billing: BillingApi,
    private readonly media: MediaLibrary,
    private readonly visibility: CatalogVisibility,
  ) {}

  async execute({ userId, videoId }: GetPlaybackQuery) {
    const video = await this.videos.byId(videoId);
    const channel = video ? await this.channels.byId(video.channelId) : null;
    const onTeam = channel?.roleOf(userId) != null;
    if (!video || !channel || (!onTeam && video.state !== 'published') || !video.assetId)
      throw new CatalogVideoNotFoundError(videoId);
    // The team too: taken-down material is served to nobody.
    await this.visibility.assertPlayable(video.id);
    if (!onTeam) {
      if (video.accessLevel !== 'free') await this.billing.assertEntitled(userId, video.accessLevel);
      const openToAll = video.availableToAllAt();
      if (openToAll && openToAll.getTime() > Date.now()) await this.billing.assertEntitled(userId, 'early_access');
    }
    const { masterUrl, expiresAt } = await this.media.playback(video.assetId, { ttlSeconds: 3_600 });
    return {
      videoId,
      masterUrl,
      expiresAt: expiresAt.toISOString(),
      captions: video.captions.map(({ language, label }) => ({
        language,
        label,
        url: `/v1/catalog/videos/${videoId}/captions/${language}.vtt`,
      })),
    };
  }
}
