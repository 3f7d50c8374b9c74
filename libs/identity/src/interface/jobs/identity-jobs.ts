import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { MailDeliveryError, Mailer, OnJob, type MailMessage } from '@lib/platform';
import { SessionRetention } from '../../application/retention/session-retention.js';
import { IDENTITY_MAIL_QUEUE } from '../../infrastructure/jobs/bull-account-mails.js';

export const IDENTITY_MAINTENANCE_QUEUE = 'identity.maintenance';

/** The worker side of identity: account mails (verification and password reset links) and retention. */
@Injectable()
export class IdentityJobs {
  constructor(
    private readonly mailer: Mailer,
    private readonly retention: SessionRetention,
  ) {}

  // Hourly, one schedule however many workers (a repeatable job keyed by its id); the next run retries.
  @OnJob({
    queue: IDENTITY_MAINTENANCE_QUEUE,
    name: 'session-retention',
    attempts: 1,
    timeout: 10 * 60_000,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 50 },
    repeat: { every: 3_600_000, jobId: 'identity-session-retention' },
  })
  pruneSessions(): Promise<unknown> {
    return this.retention.prune();
  }

  // Links expire within hours: retried for about ten minutes, then the user asks for a new one.
  @OnJob({
    queue: IDENTITY_MAIL_QUEUE,
    concurrency: 2,
    attempts: 8,
    backoff: { type: 'exponential', delay: 1_000 },
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
}
