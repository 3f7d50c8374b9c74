import { Injectable } from '@nestjs/common';
import { BillingApi } from '@lib/billing/contracts';
import { Channel } from '../domain/channel/channel.js';
import { ChannelRoleRequiredError } from '../domain/channel/channel.errors.js';
import { ChannelRepository } from '../domain/channel/channel.repository.js';
import { ROLE_RANK, type TeamRole } from '../domain/channel/team-role.js';
import { CollectionNotFoundError, ContentTemplate, TemplateNotFoundError } from '../domain/library/library.js';
import { LibraryRepository } from '../domain/library/library.repository.js';
import { SeriesNotFoundError } from '../domain/video/video.errors.js';
import { Series } from '../domain/library/library.js';
import { Video } from '../domain/video/video.js';
import { VideoRepository } from '../domain/video/video.repository.js';
import { VideoNotFoundError } from '../domain/video/video.errors.js';

/**
 * Loads a video for a caller: 404 when it does not exist or the caller is not on its channel's team
 * (another creator's ids reveal nothing), 403 when their role is too low for the action.
 */
@Injectable()
export class VideoGate {
  constructor(
    private readonly videos: VideoRepository,
    private readonly channels: ChannelRepository,
    private readonly library: LibraryRepository,
    private readonly billing: BillingApi,
  ) {}

  async require(userId: string, videoId: string, minimum: TeamRole): Promise<{ video: Video; channel: Channel }> {
    const video = await this.videos.byId(videoId);
    const channel = video ? await this.channels.byId(video.channelId) : null;
    const role = channel?.roleOf(userId);
    if (!video || !channel || !role) throw new VideoNotFoundError(videoId);
    if (ROLE_RANK[role] < ROLE_RANK[minimum]) throw new ChannelRoleRequiredError(minimum, role);
    return { video, channel };
  }

  /** `require`, for changing the video: the channel owner's plan must include studio access (402). */
  async requireToWork(userId: string, videoId: string, minimum: TeamRole): Promise<{ video: Video; channel: Channel }> {
    const found = await this.require(userId, videoId, minimum);
    await this.billing.assertPlanIncludes(found.channel.ownerId, 'studio_access');
    return found;
  }

  async series(channelId: string, seriesId: string): Promise<Series> {
    const series = await this.library.seriesOf(channelId, seriesId);
    if (!series) throw new SeriesNotFoundError(seriesId);
    return series;
  }

  async assertCollections(channelId: string, ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.library.countCollections(channelId, ids);
    if (found !== new Set(ids).size) throw new CollectionNotFoundError(ids);
  }

  async template(channelId: string, templateId: string): Promise<ContentTemplate> {
    const template = await this.library.templateOf(channelId, templateId);
    if (!template) throw new TemplateNotFoundError(templateId);
    return template;
  }
}
