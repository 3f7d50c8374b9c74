import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { CommentView } from '../../application/comments/comment-views.js';
import {
  CommentsReadModel,
  type CommentOrder,
  type CommentPosition,
  type CommentViewer,
} from '../../application/comments/comments.read-model.js';
import type { CommentStatus, HeldFor } from '../../domain/comments/comment.js';

interface CommentRow {
  id: string;
  video_id: string;
  thread_id: string | null;
  in_reply_to_id: string | null;
  in_reply_to_author_id: string | null;
  author_id: string;
  handle: string | null;
  display_name: string | null;
  avatar_url: string | null;
  body: string | null;
  status: CommentStatus;
  held_for: HeldFor | null;
  hashtags: string[];
  mentioned_user_ids: string[];
  reply_count: number;
  like_count: number;
  pinned: boolean | null;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const SELECT = `
  select c.id, c.video_id, c.thread_id, c.in_reply_to_id, c.in_reply_to_author_id, c.author_id,
         p.handle, p.display_name, p.avatar_url, c.body, c.status, c.held_for, c.hashtags,
         c.mentioned_user_ids, c.reply_count, c.like_count, (s.pinned_comment_id = c.id) as pinned,
         c.created_at, c.edited_at, c.deleted_at
    from engagement.comments c
    left join engagement.people p on p.user_id = c.author_id
    left join engagement.video_comment_settings s on s.video_id = c.video_id`;

/** Public ones, the viewer's own held or hidden ones, held ones for the team; nobody either side blocks. */
function seenBy(viewer: CommentViewer): { sql: string; params: unknown[] } {
  if (!viewer.userId) return { sql: `c.status = 'visible'`, params: [] };
  return {
    sql: `(c.status = 'visible' or (c.status in ('held', 'hidden') and c.author_id = ?) or (c.status = 'held' and ?::boolean))
      and not exists (select 1 from engagement.restrictions r where r.kind = 'block'
        and ((r.owner_id = ? and r.target_id = c.author_id) or (r.owner_id = c.author_id and r.target_id = ?)))`,
    params: [viewer.userId, viewer.isTeam, viewer.userId, viewer.userId],
  };
}

@Injectable()
export class SqlCommentsReadModel extends CommentsReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async roots(
    videoId: string,
    viewer: CommentViewer,
    order: CommentOrder,
    limit: number,
    after?: CommentPosition,
  ): Promise<CommentView[]> {
    const seen = seenBy(viewer);
    const [orderBy, position] = {
      newest: [`c.created_at desc, c.id desc`, `(c.created_at, c.id) < (?::timestamptz, ?::uuid)`],
      oldest: [`c.created_at asc, c.id asc`, `(c.created_at, c.id) > (?::timestamptz, ?::uuid)`],
      // Top = likes + replies; ids are UUIDv7: among equals, the newest comes first.
      top: [
        `(c.like_count + c.reply_count) desc, c.id desc`,
        `(c.like_count + c.reply_count, c.id) < (?::int, ?::uuid)`,
      ],
    }[order];
    const rows = await this.em.execute<CommentRow[]>(
      `${SELECT}
        where c.video_id = ? and c.thread_id is null and ${seen.sql}
          -- A deleted comment stays as a tombstone only while it holds a conversation.
          and (c.deleted_at is null or c.reply_count > 0)
          ${after ? `and ${position}` : ''}
        order by ${orderBy}
        limit ?`,
      [videoId, ...seen.params, ...(after ? [after.key, after.id] : []), limit],
    );
    return rows.map(toView);
  }

  async replies(
    threadId: string,
    viewer: CommentViewer,
    limit: number,
    after?: CommentPosition,
  ): Promise<CommentView[]> {
    const seen = seenBy(viewer);
    const rows = await this.em.execute<CommentRow[]>(
      `${SELECT}
        where c.thread_id = ? and c.deleted_at is null and ${seen.sql}
          ${after ? `and (c.created_at, c.id) > (?::timestamptz, ?::uuid)` : ''}
        order by c.created_at asc, c.id asc
        limit ?`,
      [threadId, ...seen.params, ...(after ? [after.key, after.id] : []), limit],
    );
    return rows.map(toView);
  }

  async one(commentId: string, viewer: CommentViewer): Promise<CommentView | null> {
    const seen = seenBy(viewer);
    const [row] = await this.em.execute<CommentRow[]>(`${SELECT} where c.id = ? and ${seen.sql}`, [
      commentId,
      ...seen.params,
    ]);
    return row ? toView(row) : null;
  }

  async withHashtag(
    tag: string,
    viewerId: string | null,
    limit: number,
    after?: CommentPosition,
  ): Promise<CommentView[]> {
    const seen = seenBy({ userId: viewerId, isTeam: false });
    const rows = await this.em.execute<CommentRow[]>(
      `${SELECT}
        join engagement.comment_hashtags h on h.comment_id = c.id and h.tag = ?
        join engagement.comment_videos v on v.video_id = c.video_id and v.published and not v.deleted
        where c.status = 'visible' and c.deleted_at is null and ${seen.sql}
          ${after ? `and (h.created_at, h.comment_id) < (?::timestamptz, ?::uuid)` : ''}
        order by h.created_at desc, h.comment_id desc
        limit ?`,
      [tag, ...seen.params, ...(after ? [after.key, after.id] : []), limit],
    );
    return rows.map(toView);
  }

  async edits(commentId: string): Promise<Array<{ previousText: string; editedAt: string }>> {
    const rows = await this.em.execute<Array<{ previous_body: string; edited_at: Date }>>(
      `select previous_body, edited_at from engagement.comment_edits where comment_id = ? order by edited_at desc, id desc`,
      [commentId],
    );
    return rows.map((row) => ({ previousText: row.previous_body, editedAt: new Date(row.edited_at).toISOString() }));
  }

  async blockedWith(userId: string): Promise<string[]> {
    const rows = await this.em.execute<Array<{ user_id: string }>>(
      `select case when owner_id = ? then target_id else owner_id end as user_id
         from engagement.restrictions where kind = 'block' and (owner_id = ? or target_id = ?)`,
      [userId, userId, userId],
    );
    return rows.map((row) => row.user_id);
  }
}

function toView(row: CommentRow): CommentView {
  return {
    id: row.id,
    videoId: row.video_id,
    threadId: row.thread_id,
    inReplyToId: row.in_reply_to_id,
    inReplyToUserId: row.in_reply_to_author_id,
    author: { userId: row.author_id, handle: row.handle, displayName: row.display_name, avatarUrl: row.avatar_url },
    text: row.body,
    status: row.status,
    heldFor: row.held_for,
    hashtags: row.hashtags,
    mentionedUserIds: row.mentioned_user_ids,
    replyCount: Number(row.reply_count),
    likes: Number(row.like_count),
    pinned: row.pinned === true,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    deletedAt: row.deleted_at ? new Date(row.deleted_at).toISOString() : null,
  };
}
