import { Injectable } from '@nestjs/common';
import { OnJob } from '@lib/platform';
import { RECS_NEIGHBOURS_QUEUE } from '../../application/recommendations/refresh-neighbours/neighbours-queue.js';
import {
  RefreshNeighbours,
  type NeighbourRefreshResult,
} from '../../application/recommendations/refresh-neighbours/refresh-neighbours.js';

/** The worker folds new signals into neighbour lists on a schedule (one schedule however many workers run). */
@Injectable()
export class RecommendationJobs {
  constructor(private readonly neighbours: RefreshNeighbours) {}

  // One attempt: the next run picks up from the same cursor, so a failure loses nothing.
  @OnJob({
    queue: RECS_NEIGHBOURS_QUEUE,
    attempts: 1,
    timeout: 300_000,
    removeOnComplete: { count: 20 },
    removeOnFail: { count: 50 },
    repeat: (config) => ({
      every: config.recommendations.neighboursEveryMs,
      jobId: 'engagement-recommendation-neighbours',
    }),
  })
  run(): Promise<NeighbourRefreshResult> {
    return this.neighbours.run();
  }
}
