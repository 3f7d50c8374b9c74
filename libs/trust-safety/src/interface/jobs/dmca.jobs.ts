import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { MailDeliveryError, Mailer, OnJob, OnWorkerStart, type MailMessage } from '@lib/platform';
import { TRUST_SAFETY_MAIL_QUEUE } from '../../application/dmca/dmca-mails.js';
import { DMCA_RESTORATION_QUEUE, type DmcaRestorationJob } from '../../application/dmca/dmca-restoration-queue.js';
import { DmcaRestorations } from '../../application/dmca/dmca-restorations.js';

/**
 * Restores countered DMCA material when its time comes: a delayed job per notice, and a sweep every
 * minute (and at start) for anything a lost job missed. The notice's state under a lock decides.
 * Also sends trust & safety's mails (the counter-notice forwarded to the claimant).
 */
@Injectable()
export class DmcaJobs {
  private readonly logger = new Logger('trust-safety.dmca');

  constructor(
    private readonly restorations: DmcaRestorations,
    private readonly mailer: Mailer,
  ) {}

  // The claimant has days to react: retried for about half an hour before giving up.
  @OnJob({
    queue: TRUST_SAFETY_MAIL_QUEUE,
    concurrency: 2,
    attempts: 10,
    backoff: { type: 'exponential', delay: 2_000 },
    timeout: 90_000,
  })
  async sendMail(job: Job<MailMessage>): Promise<void> {
    try {
      await this.mailer.send(job.data);
    } catch (error) {
      if (error instanceof MailDeliveryError && error.permanent) await job.discard(); // the server said no for good
      throw error;
    }
  }

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
