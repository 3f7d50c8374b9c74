import { AggregateRoot, stableId } from '@lib/platform/ddd';
import { InvalidRatingError } from './rating.errors.js';
import { RatingWithdrawn, VideoRated, type RatedVideo } from './rating.events.js';

export type { RatedVideo } from './rating.events.js';

export const MIN_STARS = 1;
export const MAX_STARS = 5;

/**
 * The ratings of one video: how many people gave each number of stars. Every rating change of the
 * video goes through this row under a lock, so the distribution is exact under concurrency.
 */
export class RatingTally extends AggregateRoot {
  readonly id!: string;
  readonly videoId!: string;
  /** `distribution[i]` people gave `i + 1` stars. */
  distribution!: number[];

  // Fields are set by `start` only: MikroORM builds entities without arguments and would read any value set here as a column default.
  private constructor() {
    super();
  }

  static start(videoId: string): RatingTally {
    return Object.assign(new RatingTally(), { id: RatingTally.idOf(videoId), videoId, distribution: [0, 0, 0, 0, 0] });
  }

  static idOf(videoId: string): string {
    return stableId('rating-tally', videoId);
  }

  static assertStars(stars: number): void {
    if (!Number.isInteger(stars) || stars < MIN_STARS || stars > MAX_STARS) throw new InvalidRatingError(stars);
  }

  get count(): number {
    return this.distribution.reduce((sum, n) => sum + n, 0);
  }

  /** Average stars, two decimals; null while nobody has rated. */
  get average(): number | null {
    const count = this.count;
    if (!count) return null;
    const total = this.distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
    return Math.round((total / count) * 100) / 100;
  }

  /** A person's rating changed from `previous` (null: none) to `stars`; the same value changes nothing. */
  rate(userId: string, previous: number | null, stars: number, video: RatedVideo): boolean {
    RatingTally.assertStars(stars);
    if (previous === stars) return false;
    this.distribution = [...this.distribution];
    if (previous !== null) this.distribution[previous - 1] = Math.max(0, this.distribution[previous - 1] - 1);
    this.distribution[stars - 1] += 1;
    this.record(new VideoRated(this.id, video, userId, stars, previous, this.average!, this.count));
    return true;
  }

  withdraw(userId: string, previous: number, video: RatedVideo): void {
    this.distribution = [...this.distribution];
    this.distribution[previous - 1] = Math.max(0, this.distribution[previous - 1] - 1);
    this.record(new RatingWithdrawn(this.id, video, userId, previous, this.average, this.count));
  }
}
