import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecommendationsView } from '../recommendation-views.js';
import { RecommendationServing } from '../recommendation-serving.js';
import { GetSimilarVideosQuery } from './get-similar-videos.query.js';

/** 404 `engagement.video.not-found` for unknown, unpublished or taken-down videos. */
@QueryHandler(GetSimilarVideosQuery)
export class GetSimilarVideosHandler implements IQueryHandler<GetSimilarVideosQuery> {
  constructor(private readonly serving: RecommendationServing) {}

  execute({ videoId, viewerId, count, sessionId }: GetSimilarVideosQuery): Promise<RecommendationsView> {
    return this.serving.similar(videoId, viewerId, count, sessionId);
  }
}
