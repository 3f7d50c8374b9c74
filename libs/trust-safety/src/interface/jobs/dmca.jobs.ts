import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob, OnWorkerStart } from '@lib/platform';
import { DMCA_RESTORATION_QUEUE, type DmcaRestorationJob } from '../../application/dmca/dmca-restoration-queue.js';
import { DmcaRestorations } from '../../application/dmca/dmca-restorations.js';

/**
 * Restores countered DMCA material when its time comes: a delayed job per notice, and a sweep every
 * minute (and at start) for anything a lost job missed. The notice's state under a lock decides.
 */
@Injectable()
export class DmcaJobs {
  private readonly logger = new Logger('trust-safety.dmca');

  constructor(private readonly restorations: DmcaRestorations) {}

  @OnJob({
    queue: DMCA_RESTORATION_QUEUE,
    concurrency: 1,
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000 },
    timeout: 60_000,
    removeOnComplete: { count: 500 },
    repeat: { every: 60_000, jobId: 'trust-safety-dmca-sweep' },
  })
  async restore(job: Job<DmcaRestorationJob>): Promise<void> {
    if (job.data.noticeId) await this.restorations.restoreIfDue(job.data.noticeId);
    else await this.restorations.sweep();
  }

  @OnWorkerStart()
  async restoreOverdue(): Promise<void> {
    const restored = await this.restorations.sweep();
    if (restored) this.logger.log(`restored ${restored} overdue DMCA counter-noticed videos`);
  }
}
