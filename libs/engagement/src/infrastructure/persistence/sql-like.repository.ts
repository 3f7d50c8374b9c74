import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { LikeTally, type LikeTargetType } from '../../domain/likes/like-tally.js';
import { LikeRepository } from '../../domain/likes/like.repository.js';

@Injectable()
export class SqlLikeRepository extends LikeRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async lockTally(targetType: LikeTargetType, targetId: string): Promise<LikeTally> {
    const id = LikeTally.idOf(targetType, targetId);
    // Created at zero first, so two first likes of a target meet on one row instead of a unique violation.
    await this.em.execute(
      `insert into engagement.like_tallies (id, target_type, target_id, likes, version) values (?, ?, ?, 0, 1) on conflict do nothing`,
      [id, targetType, targetId],
    );
    return this.em.findOneOrFail(LikeTally, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  async addLike(targetType: LikeTargetType, targetId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `insert into engagement.likes (target_type, target_id, user_id, liked_at) values (?, ?, ?, ?::timestamptz) on conflict do nothing returning 1`,
      [targetType, targetId, userId, at.toISOString()],
    );
    return rows.length > 0;
  }

  async removeLike(targetType: LikeTargetType, targetId: string, userId: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `delete from engagement.likes where target_type = ? and target_id = ? and user_id = ? returning 1`,
      [targetType, targetId, userId],
    );
    return rows.length > 0;
  }

  async likes(targetType: LikeTargetType, targetId: string, userId: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `select 1 from engagement.likes where target_type = ? and target_id = ? and user_id = ?`,
      [targetType, targetId, userId],
    );
    return rows.length > 0;
  }

  async countOf(targetType: LikeTargetType, targetId: string): Promise<number> {
    const [row] = await this.em.execute<Array<{ likes: number }>>(
      `select likes from engagement.like_tallies where target_type = ? and target_id = ?`,
      [targetType, targetId],
    );
    return row?.likes ?? 0;
  }

  save(tally: LikeTally): void {
    this.em.persist(tally);
  }
}
