import { Query } from '@nestjs/cqrs';
import type { RecommendationsView } from '../recommendation-views.js';

/** "More like this": videos near one published video; the viewer's exclusions and blocks apply when signed in. */
export class GetSimilarVideosQuery extends Query<RecommendationsView> {
  constructor(
    readonly videoId: string,
    readonly viewerId: string | null,
    readonly count: number,
    /** A logged-out viewer's player session: their experiment arm is assigned by it. */
    readonly sessionId: string | null = null,
  ) {
    super();
  }
}
