import { MessagingModule, PersistenceModule, QueuesModule } from '@lib/platform';
import { GiveRecommendationFeedbackHandler } from './application/recommendations/give-feedback/give-feedback.handler.js';
import { GetRecommendationsHandler } from './application/recommendations/get-recommendations/get-recommendations.handler.js';
import { GetSimilarVideosHandler } from './application/recommendations/get-similar-videos/get-similar-videos.handler.js';
import { RecordRecommendationSignals } from './application/recommendations/reactions/record-recommendation-signals.js';
import {
  NeighbourStore,
  RecommendationCache,
  RecommendationReadModel,
  RecommendationSignals,
} from './application/recommendations/recommendation-ports.js';
import { RecommendationServing } from './application/recommendations/recommendation-serving.js';
import { RECS_NEIGHBOURS_QUEUE } from './application/recommendations/refresh-neighbours/neighbours-queue.js';
import { RefreshNeighbours } from './application/recommendations/refresh-neighbours/refresh-neighbours.js';
import { RedisRecommendationCache } from './infrastructure/recommendations/redis-recommendation-cache.js';
import { SqlNeighbourStore } from './infrastructure/recommendations/sql-neighbour-store.js';
import { SqlRecommendationSignals } from './infrastructure/recommendations/sql-recommendation-signals.js';
import { SqlRecommendationsReadModel } from './infrastructure/recommendations/sql-recommendations.read-model.js';
import { RecommendationsController, SimilarVideosController } from './interface/http/recommendations.controller.js';
import { RecommendationJobs } from './interface/jobs/recommendation-jobs.js';

/**
 * Serving recommendations (docs/adr/0044), spread into EngagementModule: signals, neighbour job,
 * cache and the two routes. The models are `domain/recommendations`; insights' `Experiments` is
 * optional (no experiment: hybrid).
 */
export const RECOMMENDATIONS = {
  imports: [
    PersistenceModule.forFeature([], {
      sqlOnlyTables: [
        'engagement.rec_signals',
        'engagement.rec_cowatch_members',
        'engagement.rec_video_stats',
        'engagement.rec_cowatch_pairs',
        'engagement.rec_neighbours',
        'engagement.rec_job_cursors',
        'engagement.rec_dirty_videos',
      ],
    }),
    MessagingModule.forContext({ consumers: [RecordRecommendationSignals] }),
    QueuesModule.register({ name: RECS_NEIGHBOURS_QUEUE }), // handled by interface/jobs/recommendation-jobs.ts
  ],
  controllers: [RecommendationsController, SimilarVideosController],
  providers: [
    { provide: RecommendationSignals, useClass: SqlRecommendationSignals },
    { provide: RecommendationReadModel, useClass: SqlRecommendationsReadModel },
    { provide: RecommendationCache, useClass: RedisRecommendationCache },
    { provide: NeighbourStore, useClass: SqlNeighbourStore },
    RecordRecommendationSignals,
    RecommendationServing,
    RefreshNeighbours,
    RecommendationJobs,
    GetRecommendationsHandler,
    GetSimilarVideosHandler,
    GiveRecommendationFeedbackHandler,
  ],
};
