import type { RatingTally } from './rating-tally.js';

/** People's ratings and each video's tally; `lockTally` serialises the video's rating changes. */
export abstract class RatingRepository {
  abstract lockTally(videoId: string): Promise<RatingTally>;
  /** The tally as stored, without locking (null: nobody ever rated). */
  abstract tallyOf(videoId: string): Promise<RatingTally | null>;
  abstract starsOf(videoId: string, userId: string): Promise<number | null>;
  abstract setStars(videoId: string, userId: string, stars: number, at: Date): Promise<void>;
  abstract removeStars(videoId: string, userId: string): Promise<void>;
  abstract save(tally: RatingTally): void;
}
