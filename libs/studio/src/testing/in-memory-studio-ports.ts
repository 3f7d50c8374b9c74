import { RealtimeEmitter, newId, type ServerEvent } from '@lib/platform';
import {
  BillingApi,
  QuotaExceededError,
  type EntitlementsView,
  type QuotaName,
  type UsageView,
} from '@lib/billing/contracts';
import {
  ChannelAccess,
  MediaLibrary,
  type AssetStills,
  type ChannelRole,
  type MediaAssetView,
} from '../application/media/media-ports.js';
import { PublishQueue } from '../application/publishing/publish-queue.js';
import { PublishingSchedule } from '../application/publishing/publishing-schedule.js';
import { UploadAlreadyUsedError, UploadNotFinishedError } from '../domain/media/media.errors.js';
import type { InMemoryChannelRepository, InMemoryVideoRepository } from './in-memory-studio-repositories.js';

// The ports studio's use cases call beyond its own storage, in memory: each records what it was asked.

/**
 * The media side: assets by id; `refuseUploads()` makes uploads unusable as an unfinished one is,
 * `loseClaims()` lets them pass the check but lose the claim (a concurrent request claimed them first).
 */
export class InMemoryMediaLibrary extends MediaLibrary {
  readonly assets = new Map<string, MediaAssetView>();
  readonly removed: string[] = [];
  private refusing = false;
  private losingClaims = false;
  private removalFailure: Error | null = null;

  refuseUploads(): void {
    this.refusing = true;
  }

  loseClaims(): void {
    this.losingClaims = true;
  }

  async assertUsable(input: { uploadId: string; channelId: string }) {
    if (this.refusing) throw new UploadNotFinishedError(input.uploadId, 'uploading');
  }

  /** Storage trouble: every `remove` fails with this error. */
  failRemovals(error: Error): void {
    this.removalFailure = error;
  }

  async startProcessing(input: { uploadId: string; channelId: string; videoId: string }) {
    if (this.refusing) throw new UploadNotFinishedError(input.uploadId, 'uploading');
    if (this.losingClaims) throw new UploadAlreadyUsedError(input.uploadId, 'asset-of-another-video');
    const asset: MediaAssetView = {
      id: `asset-${newId()}`,
      ...input,
      state: 'queued',
      step: null,
      percent: 0,
      durationSeconds: null,
      width: null,
      height: null,
      renditions: [],
      thumbnails: [],
      chosenThumbnail: null,
      previewUrl: null,
      error: null,
    };
    this.assets.set(asset.id, asset);
    return asset;
  }
  async describe(assetId: string) {
    return this.assets.get(assetId) ?? null;
  }
  stillUrls({ assetId, thumbnails, chosenThumbnail, hasPreview }: AssetStills) {
    return {
      thumbnailUrl: thumbnails ? `/media/${assetId}/thumbnails/${chosenThumbnail ?? 0}.jpg` : null,
      previewUrl: hasPreview ? `/media/${assetId}/preview.jpg` : null,
    };
  }
  async retry(assetId: string) {
    return this.assets.get(assetId)!;
  }
  async chooseThumbnail(assetId: string, index: number) {
    const asset = this.assets.get(assetId)!;
    asset.chosenThumbnail = index;
    return asset;
  }
  async remove(assetId: string) {
    if (this.removalFailure) throw this.removalFailure;
    this.assets.delete(assetId);
    this.removed.push(assetId);
  }
  async playback(assetId: string) {
    return { masterUrl: `/media/${assetId}/master.m3u8`, expiresAt: new Date(Date.now() + 3_600_000) };
  }
}

/** Billing as studio sees it: one quota counter per user, counted once per key (as billing's ledger does). */
export class InMemoryBillingApi extends BillingApi {
  /** Keys counted, per user: `studio.publish:<videoId>`. */
  readonly counted = new Map<string, Set<string>>();

  constructor(private readonly limit = Number.POSITIVE_INFINITY) {
    super();
  }

  keysOf(userId: string): string[] {
    return [...(this.counted.get(userId) ?? [])];
  }

  async entitlementsOf(): Promise<EntitlementsView> {
    throw new Error('not needed by studio’s use cases');
  }
  async isEntitled() {
    return true;
  }
  async assertEntitled() {}
  async assertPlanIncludes() {}
  async consume(userId: string, quota: QuotaName, amount = 1, options: { key?: string } = {}): Promise<UsageView> {
    const keys = this.counted.get(userId) ?? new Set<string>();
    const key = options.key ?? newId();
    if (!keys.has(key)) {
      if (keys.size + amount > this.limit)
        throw new QuotaExceededError({
          entitlement: quota,
          limit: this.limit,
          used: keys.size,
          requested: amount,
          planId: 'in-memory',
          periodEnd: null,
          upgradeTo: [],
        });
      keys.add(key);
    }
    this.counted.set(userId, keys);
    return this.usage(userId, quota);
  }
  async release(userId: string, quota: QuotaName, _amount = 1, options: { key?: string } = {}): Promise<UsageView> {
    if (options.key) this.counted.get(userId)?.delete(options.key);
    return this.usage(userId, quota);
  }
  async usageOf(userId: string, quota: QuotaName): Promise<UsageView> {
    return this.usage(userId, quota);
  }

  private usage(userId: string, quota: QuotaName): UsageView {
    const used = this.counted.get(userId)?.size ?? 0;
    const limited = Number.isFinite(this.limit);
    return {
      entitlement: quota,
      used,
      limit: limited ? this.limit : 'unlimited',
      remaining: limited ? this.limit - used : 'unlimited',
      periodStart: null,
      periodEnd: null,
    };
  }
}

/** Socket pushes, kept instead of sent. */
export class RecordingRealtimeEmitter extends RealtimeEmitter {
  readonly sent: Array<{ userId: string; event: string; payload: unknown }> = [];

  constructor() {
    super(undefined as never);
  }
  override toUser(userId: string, event: ServerEvent, payload: unknown): void {
    this.sent.push({ userId, event: event.name, payload });
  }
}

export class InMemoryChannelAccess extends ChannelAccess {
  constructor(private readonly channels: InMemoryChannelRepository) {
    super();
  }
  async roleOf(userId: string, channelId: string): Promise<ChannelRole | null> {
    return (await this.channels.byId(channelId))?.roleOf(userId) ?? null;
  }
  async memberIds(channelId: string) {
    return (await this.channels.byId(channelId))?.activeMemberIds() ?? [];
  }
  async ownerOf(channelId: string) {
    return (await this.channels.byId(channelId))?.ownerId ?? null;
  }
}

/** Delayed publish jobs, as (video, time) pairs: the same pair twice is one job, like Bull's jobId. */
export class InMemoryPublishQueue extends PublishQueue {
  readonly jobs = new Map<string, { videoId: string; at: Date }>();

  async schedule(videoId: string, at: Date) {
    this.jobs.set(`${videoId}:${at.getTime()}`, { videoId, at });
  }
}

export class InMemoryPublishingSchedule extends PublishingSchedule {
  constructor(private readonly videos: InMemoryVideoRepository) {
    super();
  }
  async dueIds(now: Date, limit: number) {
    return this.videos.videos
      .filter((video) => video.isDue(now))
      .sort((a, b) => a.scheduledAt!.getTime() - b.scheduledAt!.getTime())
      .slice(0, limit)
      .map((video) => video.id);
  }
  async scheduled() {
    return this.videos.videos
      .filter((video) => video.state === 'scheduled')
      .map((video) => ({ id: video.id, scheduledAt: video.scheduledAt! }));
  }
}
