import { InjectQueue } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { MailDeliveryError, Mailer, ProcessRole, type MailMessage } from '@lib/platform';
import { NewEpisodeFanOut, type NewEpisodeFanOutJob } from '../../application/fan-out/new-episode-fan-out.js';
import { FAN_OUT_QUEUE } from '../../infrastructure/jobs/bull-fan-out-batches.js';
import { SEND_MAIL_QUEUE } from '../../infrastructure/jobs/bull-notification-mails.js';

/** The worker side of engagement: fan-out batches, two at a time, and notification e-mails. */
@Injectable()
export class EngagementJobs implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(FAN_OUT_QUEUE) private readonly fanOutQueue: Queue<NewEpisodeFanOutJob>,
    @InjectQueue(SEND_MAIL_QUEUE) private readonly sendMailQueue: Queue<MailMessage>,
    private readonly fanOut: NewEpisodeFanOut,
    private readonly mailer: Mailer,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.role.worker) return;
    void this.fanOutQueue.process(2, (job) => RequestContext.create(this.orm.em, () => this.fanOut.runBatch(job.data)));
    void this.sendMailQueue.process(2, async (job) => {
      try {
        await this.mailer.send(job.data);
      } catch (error) {
        if (error instanceof MailDeliveryError && error.permanent) await job.discard(); // the server said no for good
        throw error;
      }
    });
  }
}
