import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { TrendEligibility, type PublishedTrendVideo } from '../../application/trending/trending-ports.js';

@Injectable()
export class SqlTrendEligibility extends TrendEligibility {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async published(video: PublishedTrendVideo): Promise<void> {
    // A deletion is final, and a fact older than the one stored changes nothing (studio's version orders them).
    await this.em.execute(
      `insert into engagement.trend_videos (video_id, channel_id, creator_id, title, language, category, status, studio_version)
       values (?, ?, ?, ?, ?, ?, 'published', ?)
       on conflict (video_id) do update set
         channel_id = excluded.channel_id, creator_id = excluded.creator_id, title = excluded.title,
         language = excluded.language, category = excluded.category, status = 'published',
         studio_version = greatest(trend_videos.studio_version, excluded.studio_version)
       where trend_videos.status <> 'deleted'
         and (excluded.studio_version = 0 or trend_videos.studio_version < excluded.studio_version)`,
      [video.videoId, video.channelId, video.creatorId, video.title, video.language, video.category, video.version],
    );
  }

  async withdrawn(videoId: string, status: 'unpublished' | 'deleted', version: number): Promise<void> {
    await this.em.execute(
      `update engagement.trend_videos set status = ?, studio_version = greatest(studio_version, ?)
        where video_id = ? and status <> 'deleted' and (? = 0 or studio_version < ? or ? = 'deleted')`,
      [status, version, videoId, version, version, status],
    );
  }

  async moderated(videoId: string, moderation: 'visible' | 'hidden' | 'removed'): Promise<void> {
    await this.em.execute(`update engagement.trend_videos set moderation = ? where video_id = ?`, [moderation, videoId]);
  }

  async sanctioned(userId: string, sanction: 'suspension' | 'ban', imposed: boolean, at: Date): Promise<void> {
    if (imposed)
      await this.em.execute(
        `insert into engagement.trend_sanctioned_accounts (user_id, sanction, since) values (?, ?, ?::timestamptz)
         on conflict do nothing`,
        [userId, sanction, at.toISOString()],
      );
    else
      await this.em.execute(`delete from engagement.trend_sanctioned_accounts where user_id = ? and sanction = ?`, [
        userId,
        sanction,
      ]);
  }
}
