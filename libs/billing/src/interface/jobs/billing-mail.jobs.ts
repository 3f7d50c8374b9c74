import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { MailDeliveryError, Mailer, OnJob, type MailMessage } from '@lib/platform';
import { BILLING_MAIL_QUEUE } from '../../application/gifts/gift-mails.js';

/** Sends billing's mails (a gift's recipient mail), queued after the commit that decided them. */
@Injectable()
export class BillingMailJobs {
  constructor(private readonly mailer: Mailer) {}

  // A gift link lasts a year: retried for about half an hour before giving up (the buyer still has the link).
  @OnJob({
    queue: BILLING_MAIL_QUEUE,
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
}
