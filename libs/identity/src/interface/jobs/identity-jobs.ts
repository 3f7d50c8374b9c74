import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { MailDeliveryError, Mailer, OnJob, type MailMessage } from '@lib/platform';
import { IDENTITY_MAIL_QUEUE } from '../../infrastructure/jobs/bull-account-mails.js';

/** The worker side of identity: account mails (verification and password reset links). */
@Injectable()
export class IdentityJobs {
  constructor(private readonly mailer: Mailer) {}

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
