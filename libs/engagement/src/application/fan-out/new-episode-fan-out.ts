import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { NotificationRepository } from '../../domain/notification/notification.repository.js';
import { Notifier } from '../notifier.js';
import { SocialGraphReadModel } from '../read-models/social-graph.read-model.js';

export interface NewEpisodeFanOutJob {
  videoId: string;
  channelId: string;
  creatorId: string;
  title: string;
  accessLevel: string;
  /** Followers are walked in follower_id order; the batch starts after this one (null: the start). */
  afterFollowerId: string | null;
}

/** Where fan-out batches wait for a worker; the same batch queued twice runs once. */
export abstract class FanOutBatches {
  abstract queue(job: NewEpisodeFanOutJob): Promise<void>;
}

/**
 * "A creator you follow published": one notification per follower, created by a chain of jobs,
 * each taking the next batch of followers and queueing its successor. Each batch skips followers
 * already told about this video, so a retried or replayed batch never notifies anyone twice.
 */
@Injectable()
export class NewEpisodeFanOut {
  constructor(
    private readonly batches: FanOutBatches,
    private readonly socialGraph: SocialGraphReadModel,
    private readonly notifications: NotificationRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async start(job: Omit<NewEpisodeFanOutJob, 'afterFollowerId'>): Promise<void> {
    await this.batches.queue({ ...job, afterFollowerId: null });
  }

  /** Notifies one batch (one transaction: a failure retries this batch only); returns how many followers it covered. */
  async runBatch(job: NewEpisodeFanOutJob): Promise<number> {
    const batchSize = this.config.notifications.fanOutBatchSize;
    const ids = await this.socialGraph.followerIds(job.creatorId, job.afterFollowerId, batchSize);
    if (!ids.length) return 0;
    await this.unitOfWork.transactional(async () => {
      const already = await this.notifications.recipientsAlreadyTold('episode.published', job.videoId, ids);
      for (const userId of ids) {
        if (already.has(userId)) continue;
        await this.notifier.notify({
          occurrence: `episode:${job.videoId}`,
          userId,
          type: 'episode.published',
          actorId: job.creatorId,
          subjectId: job.videoId,
          data: { videoId: job.videoId, channelId: job.channelId, title: job.title, accessLevel: job.accessLevel },
          email: (name) => ({
            subject: `${name} published “${job.title}”`,
            text: `${name} just published “${job.title}” on Showrunner.`,
          }),
        });
      }
    });
    if (ids.length === batchSize) await this.batches.queue({ ...job, afterFollowerId: ids[ids.length - 1] });
    return ids.length;
  }
}
