import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { CommentableVideos, type CommentableVideo } from '../../application/comments/commentable-videos.js';

@Injectable()
export class SqlCommentableVideos extends CommentableVideos {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async find(videoId: string): Promise<CommentableVideo | null> {
    const [row] = await this.em.execute<
      Array<{
        video_id: string;
        channel_id: string;
        creator_id: string | null;
        published: boolean;
        deleted: boolean;
        comment_count: number;
      }>
    >(
      `select video_id, channel_id, creator_id, published, deleted, comment_count from engagement.comment_videos where video_id = ?`,
      [videoId],
    );
    if (!row) return null;
    return {
      videoId: row.video_id,
      channelId: row.channel_id,
      creatorId: row.creator_id,
      published: row.published,
      deleted: row.deleted,
      commentCount: Number(row.comment_count),
    };
  }

  // A fact older than the stored state is a late delivery: it changes nothing. Deletion is final.
  async recordPublished(fact: { videoId: string; channelId: string; creatorId: string; at: Date }): Promise<void> {
    await this.em.execute(
      `insert into engagement.comment_videos (video_id, channel_id, creator_id, published, state_at)
       values (?, ?, ?, true, ?::timestamptz)
       on conflict (video_id) do update set channel_id = excluded.channel_id, creator_id = excluded.creator_id,
         published = true, state_at = excluded.state_at
       where comment_videos.state_at <= excluded.state_at`,
      [fact.videoId, fact.channelId, fact.creatorId, fact.at.toISOString()],
    );
  }

  async recordUnpublished(fact: { videoId: string; channelId: string; at: Date }): Promise<void> {
    await this.em.execute(
      `insert into engagement.comment_videos (video_id, channel_id, published, state_at)
       values (?, ?, false, ?::timestamptz)
       on conflict (video_id) do update set published = false, state_at = excluded.state_at
       where comment_videos.state_at <= excluded.state_at`,
      [fact.videoId, fact.channelId, fact.at.toISOString()],
    );
  }

  async recordDeleted(fact: { videoId: string; channelId: string; at: Date }): Promise<void> {
    await this.em.execute(
      `insert into engagement.comment_videos (video_id, channel_id, published, deleted, state_at)
       values (?, ?, false, true, ?::timestamptz)
       on conflict (video_id) do update set published = false, deleted = true,
         state_at = greatest(comment_videos.state_at, excluded.state_at)`,
      [fact.videoId, fact.channelId, fact.at.toISOString()],
    );
  }

  async adjustCommentCount(videoId: string, delta: number): Promise<void> {
    await this.em.execute(
      `update engagement.comment_videos set comment_count = greatest(comment_count + ?, 0) where video_id = ?`,
      [delta, videoId],
    );
  }
}
