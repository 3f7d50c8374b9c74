import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiter, UnitOfWork } from '@lib/platform';
import { RatingTally } from '../../../domain/ratings/rating-tally.js';
import { RatingRepository } from '../../../domain/ratings/rating.repository.js';
import { RATING_RATE } from '../../interaction-limits.js';
import { ratingView, type RatingView } from '../../queries/get-rating/get-rating.query.js';
import { VideoAccess } from '../../videos/video-access.js';
import { SetVideoRatingCommand } from './set-rating.command.js';

@CommandHandler(SetVideoRatingCommand)
export class SetVideoRatingHandler implements ICommandHandler<SetVideoRatingCommand> {
  constructor(
    private readonly ratings: RatingRepository,
    private readonly access: VideoAccess,
    private readonly rateLimiter: RateLimiter,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, videoId, stars }: SetVideoRatingCommand): Promise<RatingView> {
    if (stars !== null) RatingTally.assertStars(stars);
    await this.rateLimiter.consume(RATING_RATE, userId);
    const video = await this.access.requireWatchable(userId, videoId);
    const rated = { videoId, channelId: video.channelId, creatorId: video.creatorId };
    return this.unitOfWork.transactional(async () => {
      const tally = await this.ratings.lockTally(videoId);
      const previous = await this.ratings.starsOf(videoId, userId);
      if (stars !== null && tally.rate(userId, previous, stars, rated))
        await this.ratings.setStars(videoId, userId, stars, new Date());
      if (stars === null && previous !== null) {
        tally.withdraw(userId, previous, rated);
        await this.ratings.removeStars(videoId, userId);
      }
      this.ratings.save(tally);
      return ratingView(tally, stars);
    });
  }
}
