import { newId } from '@lib/platform/ddd';
import type { Channel } from '../domain/channel/channel.js';
import {
  Video,
  type AccessLevel,
  type Episode,
  type ProcessingFailure,
  type VideoState,
} from '../domain/video/video.js';

const DAY_MS = 86_400_000;

/** The failure a builder's failed video carries unless told otherwise. */
export const A_PROCESSING_FAILURE: ProcessingFailure = {
  code: 'studio.media.unsupported-codec',
  message: 'The codec is not supported',
  step: 'probe',
};

/**
 * A video in any state of its life, reached through the domain's own transitions (never by setting
 * `state`): `aVideo().published().build()`. Events of the way there are already released.
 */
export class VideoBuilder {
  private channelId = newId();
  private ownerId = newId();
  private createdBy: string | null = null;
  private title = 'Pilot';
  private accessLevel: AccessLevel = 'free';
  private earlyAccessDays: number | null = null;
  private episode: Episode | null = null;
  private assetId = `asset-${newId()}`;
  private durationSeconds = 120;
  private target: VideoState = 'draft';
  private scheduledAt: Date | null = null;
  private publishedAt: Date | null = null;
  private failure = A_PROCESSING_FAILURE;

  /** On this channel; its owner creates and publishes the video. */
  onChannel(channel: Channel | string, ownerId?: string): this {
    this.channelId = typeof channel === 'string' ? channel : channel.id;
    this.ownerId = typeof channel === 'string' ? (ownerId ?? this.ownerId) : channel.ownerId;
    return this;
  }

  createdByMember(userId: string): this {
    this.createdBy = userId;
    return this;
  }

  titled(title: string): this {
    this.title = title;
    return this;
  }

  forSubscribersWith(accessLevel: AccessLevel, earlyAccessDays: number | null = null): this {
    this.accessLevel = accessLevel;
    this.earlyAccessDays = earlyAccessDays;
    return this;
  }

  asEpisode(seriesId: string, season: number, episode: number): this {
    this.episode = { seriesId, season, episode };
    return this;
  }

  withAsset(assetId: string, durationSeconds = this.durationSeconds): this {
    this.assetId = assetId;
    this.durationSeconds = durationSeconds;
    return this;
  }

  draft(): this {
    return this.in('draft');
  }

  processing(): this {
    return this.in('processing');
  }

  ready(): this {
    return this.in('ready');
  }

  failed(failure: ProcessingFailure = A_PROCESSING_FAILURE): this {
    this.failure = failure;
    return this.in('failed');
  }

  /** Scheduled for `at` (tomorrow by default). */
  scheduled(at = new Date(Date.now() + DAY_MS)): this {
    this.scheduledAt = at;
    return this.in('scheduled');
  }

  published(at = new Date()): this {
    this.publishedAt = at;
    return this.in('published');
  }

  unpublished(publishedAt = new Date(Date.now() - DAY_MS)): this {
    this.publishedAt = publishedAt;
    return this.in('unpublished');
  }

  /** Any state by name (for tables of transitions). */
  in(state: VideoState): this {
    this.target = state;
    return this;
  }

  build(): Video {
    const video = Video.draft({
      channelId: this.channelId,
      createdBy: this.createdBy ?? this.ownerId,
      title: this.title,
      accessLevel: this.accessLevel,
      earlyAccessDays: this.earlyAccessDays,
      episode: this.episode,
    });
    if (this.target !== 'draft') video.startProcessing(this.assetId);
    if (this.target === 'failed') video.fail(this.assetId, this.failure);
    else if (this.target !== 'draft' && this.target !== 'processing')
      video.finishProcessing(this.assetId, this.durationSeconds);
    if (this.target === 'scheduled') video.schedule(this.scheduledAt!, 'UTC');
    if (this.target === 'published' || this.target === 'unpublished') video.publish(this.ownerId, this.publishedAt!);
    if (this.target === 'unpublished') video.unpublish();
    video.pullDomainEvents();
    return video;
  }
}

export const aVideo = () => new VideoBuilder();
