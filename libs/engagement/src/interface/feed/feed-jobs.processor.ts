import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { OnJob } from '@lib/platform';
import { FeedFanOut } from '../../application/feed/feed-fan-out.js';
import type { FeedFanOutJob } from '../../application/feed/feed-inbox.js';
import { FEED_FAN_OUT_QUEUE } from '../../infrastructure/feed/bull-feed-fan-out-batches.js';

/** The worker side of the feed: fan-out batches into followers' inboxes, two at a time. */
@Injectable()
export class FeedJobs {
  constructor(private readonly fanOut: FeedFanOut) {}

  @OnJob({
    queue: FEED_FAN_OUT_QUEUE,
    concurrency: 2,
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    timeout: 60_000,
  })
  runFeedFanOutBatch(job: Job<FeedFanOutJob>): Promise<number> {
    return this.fanOut.runBatch(job.data);
  }
}
