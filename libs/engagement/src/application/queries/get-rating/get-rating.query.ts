import { Query } from '@nestjs/cqrs';
import type { RatingTally } from '../../../domain/ratings/rating-tally.js';

export interface RatingView {
  videoId: string;
  /** Two decimals; null while nobody has rated. */
  average: number | null;
  count: number;
  /** How many people gave each number of stars. */
  distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** The caller's own stars (null: not rated). */
  mine: number | null;
}

export function ratingView(tally: RatingTally, mine: number | null): RatingView {
  const [one, two, three, four, five] = tally.distribution;
  return {
    videoId: tally.videoId,
    average: tally.average,
    count: tally.count,
    distribution: { '1': one, '2': two, '3': three, '4': four, '5': five },
    mine,
  };
}

/** A video's average, distribution and the caller's rating. */
export class GetVideoRatingQuery extends Query<RatingView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}
