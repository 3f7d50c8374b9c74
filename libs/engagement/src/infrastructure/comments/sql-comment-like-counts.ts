import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommentLikeCounts } from '../../application/comments/comment-likes.js';
import { LikeTally } from '../../domain/likes/like-tally.js';

@Injectable()
export class SqlCommentLikeCounts extends CommentLikeCounts {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async set(commentId: string, likes: number): Promise<void> {
    await this.em.execute('update engagement.comments set like_count = ? where id = ?', [likes, commentId]);
  }

  async clear(commentId: string): Promise<number> {
    // The tally row's lock first, as every like does, so no like slips in between the two deletes.
    await this.em.execute('select 1 from engagement.like_tallies where id = ? for update', [
      LikeTally.idOf('comment', commentId),
    ]);
    const removed = await this.em.execute<unknown[]>(
      `delete from engagement.likes where target_type = 'comment' and target_id = ? returning 1`,
      [commentId],
    );
    await this.em.execute('delete from engagement.like_tallies where id = ?', [LikeTally.idOf('comment', commentId)]);
    await this.em.execute('update engagement.comments set like_count = 0 where id = ?', [commentId]);
    return removed.length;
  }
}
