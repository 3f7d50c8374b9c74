import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Comment, type CommentEdit } from '../../domain/comments/comment.js';
import { CommentRepository } from '../../domain/comments/comment.repository.js';
import { pgTextArray } from './comment.schemas.js';

@Injectable()
export class MikroOrmCommentRepository extends CommentRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  find(commentId: string): Promise<Comment | null> {
    return this.em.findOne(Comment, { id: commentId });
  }

  findForUpdate(commentId: string): Promise<Comment | null> {
    return this.em.findOne(Comment, { id: commentId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }

  async save(comment: Comment): Promise<void> {
    this.em.persist(comment);
    await this.em.flush();
    // The hashtag page's index follows the current text (a deleted comment's tags are gone with it).
    await this.em.execute(`delete from engagement.comment_hashtags where comment_id = ?`, [comment.id]);
    if (comment.hashtags.length)
      await this.em.execute(
        `insert into engagement.comment_hashtags (tag, comment_id, created_at)
         select unnest(?::text[]), ?, ?::timestamptz on conflict do nothing`,
        [pgTextArray(comment.hashtags), comment.id, comment.createdAt.toISOString()],
      );
  }

  async addEdit(edit: CommentEdit): Promise<void> {
    await this.em.execute(
      `insert into engagement.comment_edits (id, comment_id, previous_body, edited_at) values (?, ?, ?, ?::timestamptz)`,
      [edit.id, edit.commentId, edit.previousBody, edit.editedAt.toISOString()],
    );
  }

  async adjustReplyCount(threadId: string, delta: number): Promise<void> {
    await this.em.execute(`update engagement.comments set reply_count = greatest(reply_count + ?, 0) where id = ?`, [
      delta,
      threadId,
    ]);
  }

  async hasPublishedOnChannel(authorId: string, channelId: string): Promise<boolean> {
    const rows = await this.em.execute<unknown[]>(
      `select 1 from engagement.comments where author_id = ? and channel_id = ? and announced_at is not null limit 1`,
      [authorId, channelId],
    );
    return rows.length > 0;
  }
}
