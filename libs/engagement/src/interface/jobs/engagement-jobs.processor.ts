import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob } from '@lib/platform';
import { FAN_OUT_QUEUE, NewEpisodeFanOut, type NewEpisodeFanOutJob } from '../../application/fan-out/new-episode-fan-out.js';

/** The worker side of engagement: fan-out batches, two at a time. */
@Injectable()
export class EngagementJobs {
  constructor(private readonly fanOut: NewEpisodeFanOut) {}

  @OnJob({ queue: FAN_OUT_QUEUE, concurrency: 2, attempts: 5, backoff: { type: 'exponential', delay: 1_000 }, timeout: 60_000 })
  runFanOutBatch(job: Job<NewEpisodeFanOutJob>): Promise<number> {
    return this.fanOut.runBatch(job.data);
  }
}
