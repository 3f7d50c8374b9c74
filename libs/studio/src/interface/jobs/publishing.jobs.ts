import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob, OnWorkerStart } from '@lib/platform';
import { Publisher } from '../../application/publishing/publisher.js';
import { PUBLISH_QUEUE, type PublishJob } from '../../application/publishing/publish-queue.js';

/**
 * The worker side of scheduled publishing: a delayed job per schedule, rebuilt from the database at
 * start, and a sweep for anything overdue — so neither a lost Redis nor a restart loses a schedule,
 * and the state check inside one transaction means none is published twice.
 */
@Injectable()
export class PublishingJobs {
  private readonly logger = new Logger('studio.publishing');

  constructor(private readonly publisher: Publisher) {}

  // At most a few jobs at once; each one is a short transaction.
  @OnJob({
    queue: PUBLISH_QUEUE,
    concurrency: 2,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    timeout: 30_000,
    removeOnComplete: { count: 500 },
    repeat: { every: 30_000, jobId: 'studio-publish-sweep' },
  })
  async publish(job: Job<PublishJob>): Promise<void> {
    if (job.data.videoId) await this.publisher.publishIfDue(job.data.videoId);
    else await this.publisher.sweep();
  }

  @OnWorkerStart()
  async reconcileSchedules(): Promise<void> {
    const scheduled = await this.publisher.reconcile();
    const overdue = await this.publisher.sweep();
    if (scheduled || overdue) this.logger.log(`reconciled ${scheduled} schedules, published ${overdue} overdue videos`);
  }
}
