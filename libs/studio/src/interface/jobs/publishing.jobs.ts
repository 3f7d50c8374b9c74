import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ProcessRole } from '@lib/platform';
import { Publisher } from '../../application/publishing/publisher.js';
import { PublishQueue } from '../../application/publishing/publish-queue.js';

const SWEEP_EVERY_MS = 30_000;

/**
 * The worker side of scheduled publishing: a delayed job per schedule, rebuilt from the database at
 * start, and a sweep for anything overdue — so neither a lost Redis nor a restart loses a schedule,
 * and the state check inside one transaction means none is published twice.
 */
@Injectable()
export class PublishingJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger('studio.publishing');

  constructor(
    private readonly queue: PublishQueue,
    private readonly publisher: Publisher,
    private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.worker) return;
    void this.queue.queue.process(2, async (job) => {
      if (job.data.videoId) await this.publisher.publishIfDue(job.data.videoId);
      else await this.publisher.sweep();
    });
    const scheduled = await this.publisher.reconcile();
    const overdue = await this.publisher.sweep();
    if (scheduled || overdue) this.logger.log(`reconciled ${scheduled} schedules, published ${overdue} overdue videos`);
    await this.queue.queue.add({}, { repeat: { every: SWEEP_EVERY_MS }, jobId: 'studio-publish-sweep' });
  }
}
