import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { MailDeliveryError, Mailer, OnJob, type MailMessage } from '@lib/platform';
import { NewEpisodeFanOut, type NewEpisodeFanOutJob } from '../../application/fan-out/new-episode-fan-out.js';
import { FAN_OUT_QUEUE } from '../../infrastructure/jobs/bull-fan-out-batches.js';
import { SEND_MAIL_QUEUE } from '../../infrastructure/jobs/bull-notification-mails.js';

/** The worker side of engagement: fan-out batches, two at a time, and notification e-mails. */
@Injectable()
export class EngagementJobs {
  constructor(
    private readonly fanOut: NewEpisodeFanOut,
    private readonly mailer: Mailer,
  ) {}

  @OnJob({
    queue: FAN_OUT_QUEUE,
    concurrency: 2,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    timeout: 60_000,
  })
  runFanOutBatch(job: Job<NewEpisodeFanOutJob>): Promise<number> {
    return this.fanOut.runBatch(job.data);
  }

  // An SMTP server down for a while: retried for about an hour before the mail waits in the failed list.
  @OnJob({
    queue: SEND_MAIL_QUEUE,
    concurrency: 2,
    attempts: 12,
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
