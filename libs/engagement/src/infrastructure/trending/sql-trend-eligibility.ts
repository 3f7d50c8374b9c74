import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  TrendEligibility,
  type AccountSanction,
  type PublishedTrendVideo,
} from '../../application/trending/trending-ports.js';

@Injectable()
export class SqlTrendEligibility extends TrendEligibility {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async published(video: PublishedTrendVideo): Promise<void> {
    // A deletion is final, and a fact older than the one stored changes nothing (studio's version orders them).
    await this.em.execute(
      `insert into engagement.trend_videos (video_id, channel_id, creator_id, title, language, category, status, studio_version,
         tags, description, series_id, duration_seconds, published_at, features_at)
       values (?, ?, ?, ?, ?, ?, 'published', ?, array(select jsonb_array_elements_text(?::jsonb)), ?, ?, ?, ?, now())
       on conflict (video_id) do update set
         channel_id = excluded.channel_id, creator_id = excluded.creator_id, title = excluded.title,
         language = excluded.language, category = excluded.category, status = 'published',
         tags = excluded.tags, description = excluded.description, series_id = excluded.series_id,
         duration_seconds = excluded.duration_seconds, published_at = excluded.published_at, features_at = now(),
         studio_version = greatest(trend_videos.studio_version, excluded.studio_version)
       where trend_videos.status <> 'deleted'
         and (excluded.studio_version = 0 or trend_videos.studio_version < excluded.studio_version)`,
      [
        video.videoId,
        video.channelId,
        video.creatorId,
        video.title,
        video.language,
        video.category,
        video.version,
        JSON.stringify(video.tags),
        video.description,
        video.seriesId,
        video.durationSeconds,
        video.publishedAt,
      ],
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
    await this.em.execute(`update engagement.trend_videos set moderation = ? where video_id = ?`, [
      moderation,
      videoId,
    ]);
  }

  async recordSanctions(checked: string[], sanctions: ReadonlyMap<string, AccountSanction>, at: Date): Promise<void> {
    if (!checked.length) return;
    await this.em.execute(
      `delete from engagement.trend_sanctioned_accounts
        where user_id in (select jsonb_array_elements_text(?::jsonb)::uuid)`,
      [JSON.stringify(checked)],
    );
    if (!sanctions.size) return;
    await this.em.execute(
      `insert into engagement.trend_sanctioned_accounts (user_id, sanction, since)
       select r.user_id, r.sanction, ?::timestamptz from jsonb_to_recordset(?::jsonb) as r(user_id uuid, sanction text)
       on conflict do nothing`,
      [at.toISOString(), JSON.stringify([...sanctions].map(([user_id, sanction]) => ({ user_id, sanction })))],
    );
  }
}
