import { Query } from '@nestjs/cqrs';
import type { RecommendationsView } from '../recommendation-views.js';

/** "More like this": videos near one published video; the viewer's exclusions and blocks apply when signed in. */
export class GetSimilarVideosQuery extends Query<RecommendationsView> {
  constructor(
    readonly videoId: string,
    readonly viewerId: string | null,
    readonly count: number,
  ) {
    super();
  }
}
