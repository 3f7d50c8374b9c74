import { Injectable } from '@nestjs/common';
import { OnJob } from '@lib/platform';
import { RecomputeTrending, type RecomputeResult } from '../../application/trending/recompute/recompute-trending.js';
import { TRENDING_QUEUE } from '../../application/trending/recompute/recompute-queue.js';

/** The worker recomputes trending on a schedule (one schedule however many workers run). */
@Injectable()
export class TrendingJobs {
  constructor(private readonly recompute: RecomputeTrending) {}

  // One attempt: the next scheduled run is the retry, and runs never pile up.
  @OnJob({
    queue: TRENDING_QUEUE,
    attempts: 1,
    timeout: 120_000,
    removeOnComplete: { count: 20 },
    removeOnFail: { count: 50 },
    repeat: (config) => ({ every: config.trending.recomputeEveryMs, jobId: 'engagement-trending-recompute' }),
  })
  run(): Promise<RecomputeResult> {
    return this.recompute.run();
  }
}
