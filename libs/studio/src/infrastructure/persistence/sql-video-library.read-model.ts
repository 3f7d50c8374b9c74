import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, InvalidCursorError } from '@lib/platform';
import type { LibraryFilters, LibrarySort } from '../../application/queries/get-library/get-library.query.js';
import { VideoLibraryReadModel } from '../../application/queries/get-library/video-library.read-model.js';
import { Video } from '../../domain/video/video.js';

/** Sort key column and how to read it back from a row for the cursor. */
const SORTS: Record<LibrarySort, { column: string; key: (video: Video) => string | number | null }> = {
  created: { column: 'created_at', key: (video) => video.createdAt.toISOString() },
  updated: { column: 'updated_at', key: (video) => video.updatedAt.toISOString() },
  published: {
    column: `coalesce(published_at, 'epoch'::timestamptz)`,
    key: (video) => (video.publishedAt ?? new Date(0)).toISOString(),
  },
  title: { column: 'lower(title)', key: (video) => video.title.toLowerCase() },
  episode: {
    column: `coalesce(season, 0) * 100000 + coalesce(episode, 0)`,
    key: (video) => (video.season ?? 0) * 100_000 + (video.episode ?? 0),
  },
};

@Injectable()
export class SqlVideoLibraryReadModel extends VideoLibraryReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async page(
    channelId: string,
    filters: LibraryFilters,
  ): Promise<{ videos: Video[]; total: number; nextCursor?: string }> {
    const where: string[] = ['channel_id = ?'];
    const params: unknown[] = [channelId];
    if (filters.state?.length) {
      where.push(`state in (${filters.state.map(() => '?').join(', ')})`);
      params.push(...filters.state);
    }
    if (filters.tag) {
      where.push(`? = any(tags)`);
      params.push(filters.tag.toLowerCase());
    }
    if (filters.seriesId) {
      where.push(`series_id = ?`);
      params.push(filters.seriesId);
    }
    if (filters.collectionId) {
      where.push(`?::uuid = any(collection_ids)`);
      params.push(filters.collectionId);
    }
    if (filters.from) {
      where.push(`created_at >= ?`);
      params.push(filters.from.toISOString());
    }
    if (filters.to) {
      where.push(`created_at < ?`);
      params.push(filters.to.toISOString());
    }
    if (filters.q) {
      // Title, description and tags; the library of one channel is small enough for a scan.
      where.push(`(title ilike ? or description ilike ? or array_to_string(tags, ' ') ilike ?)`);
      const like = `%${filters.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
      params.push(like, like, like);
    }
    const [{ total }] = (await this.em.execute<Array<{ total: number }>>(
      `select count(*)::int as total from studio.videos where ${where.join(' and ')}`,
      params,
    )) as [{ total: number }];

    const sort = SORTS[filters.sort];
    const direction = filters.order === 'asc' ? 'asc' : 'desc';
    const compare = direction === 'asc' ? '>' : '<';
    if (filters.cursor) {
      const [key, id] = decodeCursor(filters.cursor) ?? [];
      if ((typeof key !== 'string' && typeof key !== 'number') || typeof id !== 'string')
        throw new InvalidCursorError();
      const cast = typeof key === 'number' ? '::bigint' : filters.sort === 'title' ? '::text' : '::timestamptz';
      where.push(`(${sort.column}, id) ${compare} (?${cast}, ?::uuid)`);
      params.push(key, id);
    }
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from studio.videos where ${where.join(' and ')} order by ${sort.column} ${direction}, id ${direction} limit ?`,
      [...params, filters.limit + 1],
    );
    const page = rows.slice(0, filters.limit).map((row) => row.id);
    const found = new Map((await this.em.find(Video, { id: { $in: page } })).map((video) => [video.id, video]));
    const videos = page.map((id) => found.get(id)!).filter(Boolean);
    const last = videos.at(-1);
    return {
      videos,
      total,
      ...(rows.length > filters.limit && last ? { nextCursor: encodeCursor([sort.key(last), last.id]) } : {}),
    };
  }
}
