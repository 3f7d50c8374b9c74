import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { Notifier } from '../notifier.js';

export const FAN_OUT_QUEUE = 'engagement.fan-out';

export interface NewEpisodeFanOutJob {
  videoId: string;
  channelId: string;
  creatorId: string;
  title: string;
  accessLevel: string;
  /** Followers are walked in follower_id order; the batch starts after this one (null: the start). */
  afterFollowerId: string | null;
}

/**
 * "A creator you follow published": one notification per follower, created by a chain of jobs,
 * each taking the next batch of followers and queueing its successor. Each batch skips followers
 * already told about this video, so a retried or replayed batch never notifies anyone twice.
 */
@Injectable()
export class NewEpisodeFanOut {
  constructor(
    @InjectQueue(FAN_OUT_QUEUE) private readonly queue: Queue<NewEpisodeFanOutJob>,
    private readonly em: EntityManager,
    private readonly unitOfWork: UnitOfWork,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async start(job: Omit<NewEpisodeFanOutJob, 'afterFollowerId'>): Promise<void> {
    await this.enqueue({ ...job, afterFollowerId: null });
  }

  /** Notifies one batch (one transaction: a failure retries this batch only); returns how many followers it covered. */
  async runBatch(job: NewEpisodeFanOutJob): Promise<number> {
    const batchSize = this.config.notifications.fanOutBatchSize;
    const followers = await this.em.execute<{ follower_id: string }[]>(
      `select follower_id from engagement.follows
        where followee_id = ? and ended_at is null ${job.afterFollowerId ? 'and follower_id > ?' : ''}
        order by follower_id limit ?`,
      job.afterFollowerId ? [job.creatorId, job.afterFollowerId, batchSize] : [job.creatorId, batchSize],
    );
    if (!followers.length) return 0;
    const ids = followers.map((f) => f.follower_id);
    await this.unitOfWork.transactional(async () => {
      const told = await this.em.execute<{ user_id: string }[]>(
        `select user_id from engagement.notifications
          where type = 'episode.published' and subject_id = ? and user_id in (${ids.map(() => '?').join(', ')})`,
        [job.videoId, ...ids],
      );
      const already = new Set(told.map((t) => t.user_id));
      for (const userId of ids) {
        if (already.has(userId)) continue;
        await this.notifier.notify(this.em, {
          occurrence: `episode:${job.videoId}`,
          userId,
          type: 'episode.published',
          actorId: job.creatorId,
          subjectId: job.videoId,
          data: { videoId: job.videoId, channelId: job.channelId, title: job.title, accessLevel: job.accessLevel },
          email: (name) => ({ subject: `${name} published “${job.title}”`, text: `${name} just published “${job.title}” on Showrunner.` }),
        });
      }
    });
    if (followers.length === batchSize) await this.enqueue({ ...job, afterFollowerId: ids[ids.length - 1]! });
    return followers.length;
  }

  private async enqueue(job: NewEpisodeFanOutJob): Promise<void> {
    // A deterministic id: the same batch queued twice (a replayed event, a retried job) runs once.
    await this.queue.add(job, { jobId: `episode:${job.videoId}:${job.afterFollowerId ?? 'start'}` });
  }
}
