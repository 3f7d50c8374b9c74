import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { WatchHistoryReadModel, type WatchEntryView } from '../../application/read-models/watch-history.read-model.js';

interface Row {
  id: string;
  video_id: string;
  title: string;
  channel_id: string;
  position_seconds: number | string;
  duration_seconds: number | string | null;
  completed_at: Date | null;
  last_watched_at: Date | string;
}

@Injectable()
export class SqlWatchHistoryReadModel extends WatchHistoryReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  history(userId: string, limit: number, after?: { at: Date; id: string }): Promise<WatchEntryView[]> {
    return this.page(userId, limit, after, '');
  }

  continueWatching(userId: string, limit: number, after?: { at: Date; id: string }): Promise<WatchEntryView[]> {
    return this.page(userId, limit, after, 'and e.completed_at is null and e.position_seconds > 0');
  }

  private async page(
    userId: string,
    limit: number,
    after: { at: Date; id: string } | undefined,
    filter: string,
  ): Promise<WatchEntryView[]> {
    const params: unknown[] = [userId];
    let keyset = '';
    if (after) {
      keyset = 'and (e.last_watched_at, e.id) < (?::timestamptz, ?::uuid)';
      params.push(after.at.toISOString(), after.id);
    }
    params.push(limit);
    const rows = await this.em.execute<Row[]>(
      `select e.id, e.video_id, v.title, v.channel_id, e.position_seconds, e.duration_seconds, e.completed_at, e.last_watched_at
         from engagement.watch_entries e
         join engagement.watchable_videos v on v.video_id = e.video_id and v.status = 'published'
        where e.user_id = ? ${filter} ${keyset}
        order by e.last_watched_at desc, e.id desc
        limit ?`,
      params,
    );
    return rows.map((row) => {
      const position = Number(row.position_seconds);
      const duration = row.duration_seconds === null ? null : Number(row.duration_seconds);
      return {
        id: row.id,
        videoId: row.video_id,
        title: row.title,
        channelId: row.channel_id,
        positionSeconds: position,
        durationSeconds: duration,
        progress: duration ? Math.min(1, Math.round((position / duration) * 1000) / 1000) : null,
        completed: row.completed_at !== null,
        lastWatchedAt: new Date(row.last_watched_at).toISOString(),
      };
    });
  }
}
