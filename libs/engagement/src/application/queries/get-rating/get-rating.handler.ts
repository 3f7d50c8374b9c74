import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { RatingTally } from '../../../domain/ratings/rating-tally.js';
import { RatingRepository } from '../../../domain/ratings/rating.repository.js';
import { VideoAccess } from '../../videos/video-access.js';
import { GetVideoRatingQuery, ratingView } from './get-rating.query.js';

@QueryHandler(GetVideoRatingQuery)
export class GetVideoRatingHandler implements IQueryHandler<GetVideoRatingQuery> {
  constructor(
    private readonly ratings: RatingRepository,
    private readonly access: VideoAccess,
  ) {}

  async execute({ userId, videoId }: GetVideoRatingQuery) {
    await this.access.requirePublished(videoId);
    const tally = (await this.ratings.tallyOf(videoId)) ?? RatingTally.start(videoId);
    return ratingView(tally, await this.ratings.starsOf(videoId, userId));
  }
}
