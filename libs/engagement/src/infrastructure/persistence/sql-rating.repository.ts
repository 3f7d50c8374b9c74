import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { RatingTally } from '../../domain/ratings/rating-tally.js';
import { RatingRepository } from '../../domain/ratings/rating.repository.js';

@Injectable()
export class SqlRatingRepository extends RatingRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async lockTally(videoId: string): Promise<RatingTally> {
    const id = RatingTally.idOf(videoId);
    await this.em.execute(
      `insert into engagement.rating_tallies (id, video_id, distribution, version) values (?, ?, '{0,0,0,0,0}', 1) on conflict do nothing`,
      [id, videoId],
    );
    return this.em.findOneOrFail(RatingTally, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  tallyOf(videoId: string): Promise<RatingTally | null> {
    return this.em.findOne(RatingTally, { id: RatingTally.idOf(videoId) });
  }

  async starsOf(videoId: string, userId: string): Promise<number | null> {
    const [row] = await this.em.execute<Array<{ stars: number }>>(
      `select stars from engagement.ratings where video_id = ? and user_id = ?`,
      [videoId, userId],
    );
    return row ? Number(row.stars) : null;
  }

  async setStars(videoId: string, userId: string, stars: number, at: Date): Promise<void> {
    await this.em.execute(
      `insert into engagement.ratings (video_id, user_id, stars, rated_at) values (?, ?, ?, ?::timestamptz)
       on conflict (video_id, user_id) do update set stars = excluded.stars, rated_at = excluded.rated_at`,
      [videoId, userId, stars, at.toISOString()],
    );
  }

  async removeStars(videoId: string, userId: string): Promise<void> {
    await this.em.execute(`delete from engagement.ratings where video_id = ? and user_id = ?`, [videoId, userId]);
  }

  save(tally: RatingTally): void {
    this.em.persist(tally);
  }
}
