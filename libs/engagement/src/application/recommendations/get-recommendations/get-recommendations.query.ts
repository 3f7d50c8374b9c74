import { Query } from '@nestjs/cqrs';
import type { RecommendationsView } from '../recommendation-views.js';

/** The home feed of recommendations: personal when `personId` is set, trending and new otherwise. */
export class GetRecommendationsQuery extends Query<RecommendationsView> {
  constructor(
    readonly personId: string | null,
    readonly count: number,
    readonly category?: string,
    readonly creatorId?: string,
  ) {
    super();
  }
}
