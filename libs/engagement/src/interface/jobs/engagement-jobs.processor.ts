import { InjectQueue } from '@nestjs/bull';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { ProcessRole } from '@lib/platform';
import { FAN_OUT_QUEUE, NewEpisodeFanOut, type NewEpisodeFanOutJob } from '../../application/fan-out/new-episode-fan-out.js';

/** The worker side of engagement: fan-out batches, two at a time. */
@Injectable()
export class EngagementJobs implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(FAN_OUT_QUEUE) private readonly fanOutQueue: Queue<NewEpisodeFanOutJob>,
    private readonly fanOut: NewEpisodeFanOut,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.role.worker) return;
    void this.fanOutQueue.process(2, (job) => RequestContext.create(this.orm.em, () => this.fanOut.runBatch(job.data)));
  }
}
