import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { RecommendationsView } from '../recommendation-views.js';
import { RecommendationServing } from '../recommendation-serving.js';
import { GetRecommendationsQuery } from './get-recommendations.query.js';

@QueryHandler(GetRecommendationsQuery)
export class GetRecommendationsHandler implements IQueryHandler<GetRecommendationsQuery> {
  constructor(private readonly serving: RecommendationServing) {}

  execute({ personId, count, category, creatorId }: GetRecommendationsQuery): Promise<RecommendationsView> {
    return this.serving.home(personId, count, { category, creatorId });
  }
}
