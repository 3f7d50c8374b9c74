import { Command } from '@nestjs/cqrs';
import type { RatingView } from '../../queries/get-rating/get-rating.query.js';

/** Rate a video 1–5 (`stars`), or withdraw one's rating (`stars: null`); the same value changes nothing. */
export class SetVideoRatingCommand extends Command<RatingView> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
    readonly stars: number | null,
  ) {
    super();
  }
}
