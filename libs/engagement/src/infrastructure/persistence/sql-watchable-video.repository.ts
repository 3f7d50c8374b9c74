import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WatchableVideo, type WatchableVideoStatus } from '../../domain/watchable-video/watchable-video.js';
import { WatchableVideoRepository } from '../../domain/watchable-video/watchable-video.repository.js';

interface Row {
  video_id: string;
  channel_id: string;
  creator_id: string;
  title: string;
  access_level: string;
  early_access_days: number | null;
  published_at: Date | string;
  duration_seconds: number | string | null;
  status: WatchableVideoStatus;
  studio_version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SqlWatchableVideoRepository extends WatchableVideoRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async byId(videoId: string): Promise<WatchableVideo | null> {
    return (await this.byIds([videoId])).get(videoId) ?? null;
  }

  async byIds(videoIds: string[]): Promise<Map<string, WatchableVideo>> {
    const ids = videoIds.filter((id) => UUID.test(id));
    if (!ids.length) return new Map();
    const rows = await this.em.execute<Row[]>(
      `select * from engagement.watchable_videos where video_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    return new Map(rows.map((row) => [row.video_id, toVideo(row)]));
  }

  async save(video: WatchableVideo): Promise<void> {
    await this.em.execute(
      `insert into engagement.watchable_videos
         (video_id, channel_id, creator_id, title, access_level, early_access_days, published_at, duration_seconds, status, studio_version)
       values (?, ?, ?, ?, ?, ?, ?::timestamptz, ?, ?, ?)
       on conflict (video_id) do update set channel_id = excluded.channel_id, creator_id = excluded.creator_id,
         title = excluded.title, access_level = excluded.access_level, early_access_days = excluded.early_access_days,
         published_at = excluded.published_at, duration_seconds = excluded.duration_seconds, status = excluded.status,
         studio_version = excluded.studio_version`,
      [
        video.videoId,
        video.channelId,
        video.creatorId,
        video.title,
        video.accessLevel,
        video.earlyAccessDays,
        video.publishedAt.toISOString(),
        video.durationSeconds,
        video.status,
        video.studioVersion,
      ],
    );
  }
}

function toVideo(row: Row): WatchableVideo {
  return new WatchableVideo(
    row.video_id,
    row.channel_id,
    row.creator_id,
    row.title,
    row.access_level,
    row.early_access_days,
    new Date(row.published_at),
    row.duration_seconds === null ? null : Number(row.duration_seconds),
    row.status,
    Number(row.studio_version),
  );
}
