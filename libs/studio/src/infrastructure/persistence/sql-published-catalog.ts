import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { BrandingViews } from '../../application/branding-views.js';
import { PublishedCatalog, type CreatorChannel, type PublishedVideo } from '../../contracts/index.js';
import type { ChannelBranding } from '../../domain/channel/branding.js';
import { UNRESTRICTED_VIDEO } from './sql-content-restrictions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface VideoRow {
  id: string;
  channel_id: string;
  owner_id: string;
  title: string;
  tags: string[];
  duration_seconds: number | null;
  published_at: Date;
  total: string;
}

const toVideo = (row: VideoRow): PublishedVideo => ({
  videoId: row.id,
  channelId: row.channel_id,
  creatorId: row.owner_id,
  title: row.title,
  tags: row.tags,
  durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
  publishedAt: new Date(row.published_at).toISOString(),
});

// `count(*) over ()` rides on the rows; limits are at least 1, so an empty page means none at all.
const page = (rows: VideoRow[]) => ({ total: rows.length ? Number(rows[0].total) : 0, items: rows.map(toVideo) });

/** The port on studio's own tables (published videos and channels). */
@Injectable()
export class SqlPublishedCatalog extends PublishedCatalog {
  constructor(
    private readonly em: EntityManager,
    private readonly branding: BrandingViews,
  ) {
    super();
  }

  async channelsOf(creatorId: string): Promise<CreatorChannel[]> {
    if (!UUID.test(creatorId)) return [];
    const rows = await this.em.execute<
      { id: string; name: string; description: string; created_at: Date; branding: ChannelBranding | null }[]
    >(
      'select id, name, description, created_at, branding from studio.channels where owner_id = ? order by created_at, id',
      [creatorId],
    );
    const branding = await this.branding.forPublic(creatorId, rows);
    return rows.map((row) => ({
      channelId: row.id,
      name: row.name,
      description: row.description,
      createdAt: new Date(row.created_at).toISOString(),
      branding: branding.get(row.id) ?? null,
    }));
  }

  async latestOf(creatorId: string, limit: number): Promise<{ total: number; items: PublishedVideo[] }> {
    if (!UUID.test(creatorId)) return { total: 0, items: [] };
    const rows = await this.em.execute<VideoRow[]>(
      `select v.id, v.channel_id, c.owner_id, v.title, v.tags, v.duration_seconds, v.published_at, count(*) over () as total
         from studio.videos v join studio.channels c on c.id = v.channel_id
        where c.owner_id = ? and v.state = 'published' and ${UNRESTRICTED_VIDEO}
        order by v.published_at desc, v.id desc limit ?`,
      [creatorId, limit],
    );
    return page(rows);
  }

  async latestTagged(
    tag: string,
    limit: number,
    excludeCreatorIds: string[],
  ): Promise<{ total: number; items: PublishedVideo[] }> {
    // Studio keeps tags as typed; they are compared in the hashtag's normalised form.
    const where = `exists (select 1 from unnest(v.tags) t where lower(normalize(regexp_replace(t, '^#', ''), NFKC)) = ?)
      and not (c.owner_id = any(?::uuid[]))`;
    const params = [tag, `{${excludeCreatorIds.filter((id) => UUID.test(id)).join(',')}}`];
    const rows = await this.em.execute<VideoRow[]>(
      `select v.id, v.channel_id, c.owner_id, v.title, v.tags, v.duration_seconds, v.published_at, count(*) over () as total
         from studio.videos v join studio.channels c on c.id = v.channel_id
        where v.state = 'published' and ${UNRESTRICTED_VIDEO} and ${where}
        order by v.published_at desc, v.id desc limit ?`,
      [...params, limit],
    );
    return page(rows);
  }
}
