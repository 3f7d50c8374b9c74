import { Injectable } from '@nestjs/common';
import { BoundSql } from '@lib/platform';
import {
  CatalogVideoReadModel,
  type CatalogVideoRecord,
} from '../../application/queries/get-catalog-video/catalog-video.read-model.js';
import type { AccessLevel } from '../../domain/video/video.js';
import { OWNER_SANCTIONED, TAKEN_DOWN } from './sql-content-restrictions.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Row {
  id: string;
  channel_id: string;
  title: string;
  description: string;
  tags: string[];
  category: string | null;
  language: string | null;
  access_level: AccessLevel;
  early_access_days: number | null;
  series_id: string | null;
  season: number | null;
  episode: number | null;
  duration_seconds: number | null;
  published_at: Date | string | null;
  updated_at: Date | string;
  captions: { language: string; label: string }[];
  taken_down: boolean;
  owner_sanctioned: boolean;
  channel_name: string | null;
  owner_id: string | null;
  creator_name: string | null;
  creator_handle: string | null;
  series_title: string | null;
  views: string | number | null;
  likes: string | number | null;
  trending: number | null;
  asset_id: string | null;
  thumbnails: number | null;
  chosen_thumbnail: number | null;
  has_preview: boolean | null;
}

/**
 * The video page in one statement over studio's own tables (the write model, read at request time: as fresh as the
 * studio API, unlike the search index, which the projection fills after commit). Left joins keep today's answers
 * for a missing channel, creator, series, counts row or asset; only the captions' language and label leave the
 * database, not their WebVTT.
 */
const PUBLISHED_VIDEO = `select v.id, v.channel_id, v.title, v.description, v.tags, v.category, v.language, v.access_level,
    v.early_access_days, v.series_id, v.season, v.episode, v.duration_seconds, v.published_at, v.updated_at,
    (select coalesce(jsonb_agg(jsonb_build_object('language', e.caption -> 'language', 'label', e.caption -> 'label')
        order by e.n), '[]'::jsonb)
       from jsonb_array_elements(v.captions) with ordinality as e(caption, n)) as captions,
    ${TAKEN_DOWN} as taken_down, ${OWNER_SANCTIONED} as owner_sanctioned,
    ch.name as channel_name, ch.owner_id, p.display_name as creator_name, p.handle as creator_handle,
    s.title as series_title, cc.views, cc.likes, cc.trending,
    a.id as asset_id, jsonb_array_length(a.thumbnails) as thumbnails, a.chosen_thumbnail,
    coalesce(a.preview_key, '') <> '' as has_preview
  from studio.videos v
  left join studio.channels ch on ch.id = v.channel_id
  left join studio.people p on p.user_id = ch.owner_id
  left join studio.series s on s.id = v.series_id
  left join studio.catalog_counts cc on cc.video_id = v.id
  left join studio.media_assets a on a.id = case
    when v.asset_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then v.asset_id::uuid end
  where v.id = ? and v.state = 'published'`;

@Injectable()
export class SqlCatalogVideoReadModel extends CatalogVideoReadModel {
  constructor(private readonly sql: BoundSql) {
    super();
  }

  async published(videoId: string): Promise<CatalogVideoRecord | null> {
    if (!UUID.test(videoId)) return null;
    const [row] = await this.sql.execute<Row[]>(PUBLISHED_VIDEO, [videoId]);
    return row ? recordOf(row) : null;
  }
}

function recordOf(row: Row): CatalogVideoRecord {
  return {
    id: row.id,
    facts: {
      video: {
        title: row.title,
        description: row.description,
        tags: row.tags,
        channelId: row.channel_id,
        seriesId: row.series_id,
        season: row.season,
        episode: row.episode,
        category: row.category,
        language: row.language,
        accessLevel: row.access_level,
        earlyAccessDays: row.early_access_days,
        durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
        publishedAt: row.published_at === null ? null : new Date(row.published_at),
        updatedAt: new Date(row.updated_at),
      },
      channel: row.owner_id === null ? null : { name: row.channel_name ?? '', ownerId: row.owner_id },
      creator: row.creator_handle === null ? null : { displayName: row.creator_name ?? '', handle: row.creator_handle },
      seriesTitle: row.series_title,
      // No counts row yet reads as zero, as SqlCatalogCounts.of answers NO_COUNTS.
      counts: { views: Number(row.views ?? 0), likes: Number(row.likes ?? 0), trending: Number(row.trending ?? 0) },
    },
    restriction: row.taken_down ? 'taken-down' : row.owner_sanctioned ? 'owner-sanctioned' : null,
    stills:
      row.asset_id === null
        ? null
        : {
            assetId: row.asset_id,
            thumbnails: row.thumbnails ?? 0,
            chosenThumbnail: row.chosen_thumbnail,
            hasPreview: row.has_preview === true,
          },
    captions: row.captions,
  };
}
