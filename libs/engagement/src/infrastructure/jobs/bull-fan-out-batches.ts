import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { FanOutBatches, type NewEpisodeFanOutJob } from '../../application/fan-out/new-episode-fan-out.js';

export const FAN_OUT_QUEUE = 'engagement.fan-out';

@Injectable()
export class BullFanOutBatches extends FanOutBatches {
  constructor(@InjectQueue(FAN_OUT_QUEUE) private readonly fanOutQueue: Queue<NewEpisodeFanOutJob>) {
    super();
  }

  async queue(job: NewEpisodeFanOutJob): Promise<void> {
    // A deterministic id: the same batch queued twice (a replayed event, a retried job) runs once.
    await this.fanOutQueue.add(job, { jobId: `episode:${job.videoId}:${job.afterFollowerId ?? 'start'}` });
  }
}
