import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { BillingApi } from '@lib/billing/contracts';
import { Channel } from '../../domain/channel/channel.js';
import { ChannelRepository } from '../../domain/channel/channel.repository.js';
import { resolvePublishTime } from '../../domain/video/schedule.js';
import type { Video } from '../../domain/video/video.js';
import { VideoRepository } from '../../domain/video/video.repository.js';
import { VideoNotFoundError } from '../../domain/video/video.errors.js';
import { PersistenceScope } from '../persistence-scope.js';
import { PublishQueue } from './publish-queue.js';
import { PublishingSchedule } from './publishing-schedule.js';

export const PUBLISH_QUOTA = 'episodes_per_month' as const;
/** One count per video, however often it is scheduled, published or republished. */
export const publishQuotaKey = (videoId: string) => `studio.publish:${videoId}`;

/**
 * Publishing now or later. The quota is consumed when the creator asks (a scheduled episode reserves
 * its slot then), under a per-video key so retries, the job and the sweep never count twice.
 */
@Injectable()
export class Publisher {
  private readonly logger = new Logger('studio.publishing');

  constructor(
    private readonly billing: BillingApi,
    private readonly unitOfWork: UnitOfWork,
    private readonly queue: PublishQueue,
    private readonly channels: ChannelRepository,
    private readonly videos: VideoRepository,
    private readonly schedule: PublishingSchedule,
    private readonly scope: PersistenceScope,
  ) {}

  /** Publishes now, or schedules when `at` is given. Call inside no transaction; it opens its own. */
  async publish(
    video: Video,
    channel: Channel,
    request: { at?: string; timeZone?: string },
    now = new Date(),
  ): Promise<void> {
    const at = request.at !== undefined ? resolvePublishTime(request.at, request.timeZone, now) : null;
    // The state machine speaks before billing does: a processing video is 409, not a quota problem.
    if (at) {
      if (!video.can('schedule')) video.schedule(at, request.timeZone ?? null);
    } else if (!video.can('publish')) video.publish(channel.ownerId, now);
    // Counted once per video: a republish, or a schedule moved or brought forward, was counted already.
    const counts = video.publishedAt === null && video.state !== 'scheduled';
    if (counts) await this.billing.consume(channel.ownerId, PUBLISH_QUOTA, 1, { key: publishQuotaKey(video.id) });
    try {
      await this.unitOfWork.transactional(async () => {
        if (at) video.schedule(at, request.timeZone ?? null);
        else video.publish(channel.ownerId, now);
      });
    } catch (error) {
      if (counts) await this.release(channel.ownerId, video.id);
      throw error;
    }
    if (at) await this.queue.schedule(video.id, at);
  }

  /** Unpublishes a published video, or cancels a schedule (giving back the reserved quota). */
  async unpublish(video: Video, channel: Channel): Promise<void> {
    if (video.state === 'scheduled') {
      await this.unitOfWork.transactional(async () => video.cancelSchedule());
      await this.release(channel.ownerId, video.id);
      return;
    }
    await this.unitOfWork.transactional(async () => video.unpublish());
  }

  /** The job's and the sweep's work: publish one scheduled video if it is due. Idempotent. */
  async publishIfDue(videoId: string, now = new Date()): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.scope.alone(() =>
          this.unitOfWork.transactional(async () => {
            const video = await this.videos.byId(videoId);
            if (!video?.isDue(now)) return false;
            const channel = await this.channels.byId(video.channelId);
            if (!channel) throw new VideoNotFoundError(videoId);
            // Already counted when scheduled; with the same key this only re-checks (a no-op).
            await this.billing
              .consume(channel.ownerId, PUBLISH_QUOTA, 1, { key: publishQuotaKey(video.id) })
              .catch((error: Error) => {
                this.logger.warn(`publishing ${videoId} past its quota: ${error.message}`);
              });
            video.publish(channel.ownerId, video.scheduledAt ?? now);
            return true;
          }),
        );
      } catch (error) {
        // Someone edited the video meanwhile: read it again.
        if (this.scope.isConcurrentEdit(error) && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** Publishes whatever is overdue (a lost Redis, a worker that was down at the time). */
  async sweep(now = new Date()): Promise<number> {
    const due = await this.dueIds(now);
    let published = 0;
    for (const id of due) if (await this.publishIfDue(id, now)) published += 1;
    return published;
  }

  /** At worker start: every schedule in the database gets its delayed job (existing ones collapse). */
  async reconcile(): Promise<number> {
    const rows = await this.scope.alone(() => this.schedule.scheduled());
    for (const video of rows) await this.queue.schedule(video.id, video.scheduledAt);
    return rows.length;
  }

  private dueIds(now: Date): Promise<string[]> {
    return this.scope.alone(() => this.schedule.dueIds(now, 500));
  }

  private async release(ownerId: string, videoId: string): Promise<void> {
    await this.billing.release(ownerId, PUBLISH_QUOTA, 1, { key: publishQuotaKey(videoId) }).catch((error: Error) => {
      this.logger.warn(`could not give back the publish quota of ${videoId}: ${error.message}`);
    });
  }
}
