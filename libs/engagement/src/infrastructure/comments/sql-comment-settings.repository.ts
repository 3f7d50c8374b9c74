import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChannelCommentSettings, VideoCommentSettings } from '../../domain/comments/comment-settings.js';
import { CommentSettingsRepository } from '../../domain/comments/comment-settings.repository.js';

@Injectable()
export class SqlCommentSettingsRepository extends CommentSettingsRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async forVideo(videoId: string): Promise<VideoCommentSettings> {
    const [row] = await this.em.execute<
      Array<{ comments_enabled: boolean; require_approval: boolean; pinned_comment_id: string | null }>
    >(
      `select comments_enabled, require_approval, pinned_comment_id from engagement.video_comment_settings where video_id = ?`,
      [videoId],
    );
    return row
      ? new VideoCommentSettings(videoId, row.comments_enabled, row.require_approval, row.pinned_comment_id)
      : new VideoCommentSettings(videoId);
  }

  async forChannel(channelId: string): Promise<ChannelCommentSettings> {
    const [row] = await this.em.execute<Array<{ approve_first_time_commenters: boolean }>>(
      `select approve_first_time_commenters from engagement.channel_comment_settings where channel_id = ?`,
      [channelId],
    );
    return new ChannelCommentSettings(channelId, row?.approve_first_time_commenters ?? false);
  }

  async saveVideo(settings: VideoCommentSettings): Promise<void> {
    await this.em.execute(
      `insert into engagement.video_comment_settings (video_id, comments_enabled, require_approval, pinned_comment_id)
       values (?, ?, ?, ?)
       on conflict (video_id) do update set comments_enabled = excluded.comments_enabled,
         require_approval = excluded.require_approval, pinned_comment_id = excluded.pinned_comment_id`,
      [settings.videoId, settings.commentsEnabled, settings.requireApproval, settings.pinnedCommentId],
    );
  }

  async saveChannel(settings: ChannelCommentSettings): Promise<void> {
    await this.em.execute(
      `insert into engagement.channel_comment_settings (channel_id, approve_first_time_commenters) values (?, ?)
       on conflict (channel_id) do update set approve_first_time_commenters = excluded.approve_first_time_commenters`,
      [settings.channelId, settings.approveFirstTimeCommenters],
    );
  }
}
