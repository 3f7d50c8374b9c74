import { Injectable } from '@nestjs/common';
import type { IndexDefinition, SearchDocument } from '@lib/platform';
import { ChannelRepository } from '../../domain/channel/channel.repository.js';
import { PersonRepository } from '../../domain/people/person.repository.js';
import { availableToAllAt, type Video } from '../../domain/video/video.js';
import { LibraryReadModel } from '../queries/library-read-model.js';
import { CatalogCounts, popularityOf, type VideoCounts } from './catalog-counts.js';

/** Published videos as fans find them. */
export const CATALOG_INDEX: IndexDefinition = {
  name: 'catalog',
  fields: {
    title: { type: 'text', weight: 4, autocomplete: true },
    description: { type: 'text', weight: 1 },
    tagsText: { type: 'text', weight: 3 },
    creatorName: { type: 'text', weight: 2 },
    channelName: { type: 'text', weight: 2 },
    seriesTitle: { type: 'text', weight: 2 },
    creatorId: { type: 'keyword', filterable: true },
    creatorHandle: { type: 'keyword', filterable: true, facet: true },
    channelId: { type: 'keyword', filterable: true },
    seriesId: { type: 'keyword', filterable: true },
    category: { type: 'keyword', filterable: true, facet: true },
    language: { type: 'keyword', filterable: true, facet: true },
    tier: { type: 'keyword', filterable: true, facet: true },
    duration: { type: 'keyword', filterable: true, facet: true },
    durationSeconds: { type: 'float', filterable: true, sortable: true },
    publishedAt: { type: 'date', filterable: true, sortable: true },
    popularity: { type: 'integer', sortable: true },
    views: { type: 'integer', sortable: true },
    likes: { type: 'integer', sortable: true },
    trending: { type: 'float', sortable: true },
  },
  // A word in thousands of videos is ranked among its newest matches (ADR 0068): new uploads are always found.
  windowOrder: { field: 'publishedAt', order: 'desc' },
};

// A type alias (not an interface) so it fits SearchDocument's Record<string, unknown> body.
export type CatalogDocument = {
  title: string;
  description: string;
  tagsText: string;
  tags: string[];
  creatorName: string;
  creatorHandle: string;
  creatorId: string;
  channelName: string;
  channelId: string;
  seriesTitle: string;
  seriesId: string;
  season: number | null;
  episode: number | null;
  category: string;
  language: string;
  tier: string;
  earlyAccessDays: number | null;
  availableToAllAt: string | null;
  duration: string;
  durationSeconds: number;
  publishedAt: string;
  /** views + 10 × likes (catalog-counts.ts). */
  popularity: number;
  /** Insights' inflation-resistant views. */
  views: number;
  likes: number;
  /** The trending job's latest score (0: not trending). */
  trending: number;
};

/** Facet buckets for `duration=` (a keyword, so facets count them). */
export function durationBucket(seconds: number | null): string {
  if (seconds === null) return 'unknown';
  if (seconds < 4 * 60) return 'short';
  if (seconds <= 20 * 60) return 'medium';
  return 'long';
}

/** A video as the catalog indexes it, with its channel, creator and series. */
@Injectable()
export class CatalogDocuments {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly people: PersonRepository,
    private readonly library: LibraryReadModel,
    private readonly counts: CatalogCounts,
  ) {}

  /**
   * A document's version: the video's plus its counts' revision. Both only grow, so whichever
   * projection read later writes a higher version, whether an edit or a count moved (ADR 0039).
   */
  /** Serialises this video's projections until the transaction ends (CatalogCounts.lock). */
  hold(videoId: string): Promise<void> {
    return this.counts.lock(videoId);
  }

  async versionOf(videoId: string, videoVersion: number): Promise<number> {
    return videoVersion + (await this.counts.of(videoId)).revision;
  }

  async of(video: Video): Promise<SearchDocument<CatalogDocument>> {
    const channel = await this.channels.byId(video.channelId);
    const creator = channel ? await this.people.byId(channel.ownerId) : null;
    const series = video.seriesId ? await this.library.seriesById(video.seriesId) : null;
    const counts = await this.counts.of(video.id);
    return {
      id: video.id,
      version: (video.version ?? 1) + counts.revision,
      body: catalogDocument({ video, channel, creator, seriesTitle: series?.title ?? null, counts }),
    };
  }
}

/** What a catalog document is made of: the video and what it points at, read together. */
export interface CatalogFacts {
  video: Pick<
    Video,
    | 'title'
    | 'description'
    | 'tags'
    | 'channelId'
    | 'seriesId'
    | 'season'
    | 'episode'
    | 'category'
    | 'language'
    | 'accessLevel'
    | 'earlyAccessDays'
    | 'durationSeconds'
    | 'publishedAt'
    | 'updatedAt'
  >;
  channel: { name: string; ownerId: string } | null;
  creator: { displayName: string; handle: string } | null;
  seriesTitle: string | null;
  counts: Pick<VideoCounts, 'views' | 'likes' | 'trending'>;
}

/** The document the index stores and the catalog's video page shows (one definition for both). */
export function catalogDocument({ video, channel, creator, seriesTitle, counts }: CatalogFacts): CatalogDocument {
  return {
    title: video.title,
    description: video.description,
    tagsText: video.tags.join(' '),
    tags: video.tags,
    creatorName: creator?.displayName ?? '',
    creatorHandle: creator?.handle.toLowerCase() ?? '',
    creatorId: channel?.ownerId ?? '',
    channelName: channel?.name ?? '',
    channelId: video.channelId,
    seriesTitle: seriesTitle ?? '',
    seriesId: video.seriesId ?? '',
    season: video.season,
    episode: video.episode,
    category: video.category ?? 'uncategorized',
    language: video.language ?? 'und',
    tier: video.accessLevel,
    earlyAccessDays: video.earlyAccessDays,
    availableToAllAt: availableToAllAt(video)?.toISOString() ?? null,
    duration: durationBucket(video.durationSeconds),
    durationSeconds: video.durationSeconds ?? 0,
    publishedAt: (video.publishedAt ?? video.updatedAt).toISOString(),
    popularity: popularityOf(counts),
    views: counts.views,
    likes: counts.likes,
    trending: counts.trending,
  };
}
