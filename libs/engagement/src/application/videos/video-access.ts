import { Injectable } from '@nestjs/common';
import { BillingApi, type EntitlementName } from '@lib/billing/contracts';
import { ChannelDirectory } from '@lib/studio/contracts';
import type { WatchableVideo } from '../../domain/watchable-video/watchable-video.js';
import { VideoNotFoundError } from '../../domain/watchable-video/watchable-video.errors.js';
import { WatchableVideoRepository } from '../../domain/watchable-video/watchable-video.repository.js';

/**
 * Whether a person may act on a video (like, rate, list, report watching): the same rule as
 * studio's playback. The video must be published (engagement's copy of studio's events); the
 * channel's team always may; others need the plan that unlocks its access level and, during early
 * access, `early_access` (billing's 403 `billing.entitlement.required` names the plans).
 */
@Injectable()
export class VideoAccess {
  constructor(
    private readonly videos: WatchableVideoRepository,
    private readonly channels: ChannelDirectory,
    private readonly billing: BillingApi,
  ) {}

  /** The published video, or 404 `engagement.video.not-found` (unknown, unpublished, deleted alike). */
  async requirePublished(videoId: string): Promise<WatchableVideo> {
    const video = await this.videos.byId(videoId);
    if (!video?.published) throw new VideoNotFoundError(videoId);
    return video;
  }

  /** The published video the person may watch; 404 or billing's 403 otherwise. */
  async requireWatchable(userId: string, videoId: string): Promise<WatchableVideo> {
    const video = await this.requirePublished(videoId);
    const paywalled = video.accessLevel !== 'free' || video.inEarlyAccess();
    if (!paywalled || (await this.channels.roleOf(userId, video.channelId)) !== null) return video;
    if (video.accessLevel !== 'free') await this.billing.assertEntitled(userId, video.accessLevel as EntitlementName);
    if (video.inEarlyAccess()) await this.billing.assertEntitled(userId, 'early_access');
    return video;
  }
}
