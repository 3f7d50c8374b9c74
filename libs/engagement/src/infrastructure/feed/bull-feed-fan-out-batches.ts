import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { FeedFanOutBatches, type FeedFanOutJob } from '../../application/feed/feed-inbox.js';

export const FEED_FAN_OUT_QUEUE = 'engagement.feed-fan-out';

@Injectable()
export class BullFeedFanOutBatches extends FeedFanOutBatches {
  constructor(@InjectQueue(FEED_FAN_OUT_QUEUE) private readonly queueOfBatches: Queue<FeedFanOutJob>) {
    super();
  }

  async queue(job: FeedFanOutJob): Promise<void> {
    // A deterministic id: the same batch queued twice (a replayed event, a retried job) runs once.
    await this.queueOfBatches.add(job, { jobId: `feed:${job.type}:${job.itemId}:${job.afterFollowerId ?? 'start'}` });
  }
}
