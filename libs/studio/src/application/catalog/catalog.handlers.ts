import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, SearchIndex, type FilterValue, type SortClause } from '@lib/platform';
import { BillingApi } from '@lib/billing/contracts';
import { Channel } from '../../domain/channel/channel.js';
import { Video } from '../../domain/video/video.js';
import { MediaLibrary } from '../media/media-ports.js';
import { CATALOG_INDEX, CatalogDocuments, type CatalogDocument } from './catalog-index.js';
import {
  GetCaptionFileQuery,
  GetCatalogVideoQuery,
  GetPlaybackQuery,
  SearchCatalogQuery,
  SuggestCatalogQuery,
  type CatalogSort,
} from './catalog.queries.js';

export class CatalogVideoNotFoundError extends DomainError {
  readonly code = 'studio.catalog.video-not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super(`No published video ${videoId}`, { videoId });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SORTS: Record<CatalogSort, SortClause[] | undefined> = {
  relevance: undefined,
  newest: [{ field: 'publishedAt', order: 'desc' }],
  oldest: [{ field: 'publishedAt', order: 'asc' }],
  popular: [
    { field: 'popularity', order: 'desc' },
    { field: 'publishedAt', order: 'desc' },
  ],
  shortest: [{ field: 'durationSeconds', order: 'asc' }],
  longest: [{ field: 'durationSeconds', order: 'desc' }],
};

const FACETS = ['category', 'tier', 'duration', 'language', 'creatorHandle'];

function hitView(id: string, document: CatalogDocument, score: number | null) {
  return { id, score, ...document };
}

@QueryHandler(SearchCatalogQuery)
export class SearchCatalogHandler implements IQueryHandler<SearchCatalogQuery> {
  constructor(private readonly search: SearchIndex) {}

  async execute({ search }: SearchCatalogQuery) {
    const filters: Record<string, FilterValue> = {};
    if (search.category) filters.category = search.category;
    if (search.tier) filters.tier = search.tier;
    if (search.language) filters.language = search.language;
    if (search.duration) filters.duration = search.duration;
    if (search.seriesId) filters.seriesId = search.seriesId;
    if (search.creator) {
      if (UUID.test(search.creator)) filters.creatorId = search.creator.toLowerCase();
      else filters.creatorHandle = search.creator.replace(/^@/, '').toLowerCase();
    }
    const text = search.q?.trim() || undefined;
    // Relevance needs words; without them the newest come first.
    const sort = SORTS[search.sort] ?? (text ? undefined : SORTS.newest);
    const result = await this.search.search<CatalogDocument>(CATALOG_INDEX.name, {
      text,
      mode: 'full',
      filters,
      facets: FACETS,
      sort,
      limit: search.limit,
      cursor: search.cursor,
    });
    return {
      items: result.hits.map((hit) => hitView(hit.id, hit.document, hit.score)),
      total: result.total,
      facets: result.facets,
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
    };
  }
}

@QueryHandler(SuggestCatalogQuery)
export class SuggestCatalogHandler implements IQueryHandler<SuggestCatalogQuery> {
  constructor(private readonly search: SearchIndex) {}

  async execute({ q, limit }: SuggestCatalogQuery) {
    const result = await this.search.search<CatalogDocument>(CATALOG_INDEX.name, {
      text: q,
      mode: 'autocomplete',
      limit,
    });
    return {
      items: result.hits.map((hit) => ({
        id: hit.id,
        title: hit.document.title,
        creatorName: hit.document.creatorName,
        channelName: hit.document.channelName,
      })),
    };
  }
}

@QueryHandler(GetCatalogVideoQuery)
export class GetCatalogVideoHandler implements IQueryHandler<GetCatalogVideoQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly documents: CatalogDocuments,
    private readonly media: MediaLibrary,
  ) {}

  async execute({ videoId }: GetCatalogVideoQuery) {
    const video = await this.em.findOne(Video, { id: videoId });
    if (video?.state !== 'published') throw new CatalogVideoNotFoundError(videoId);
    const { body } = await this.documents.of(video);
    const asset = video.assetId ? await this.media.describe(video.assetId) : null;
    const chosen =
      asset?.thumbnails.find((thumbnail) => thumbnail.index === asset.chosenThumbnail) ?? asset?.thumbnails[0];
    return {
      id: video.id,
      ...body,
      thumbnailUrl: chosen?.url ?? null,
      previewUrl: asset?.previewUrl ?? null,
      captions: video.captions.map(({ language, label }) => ({ language, label })),
    };
  }
}

/**
 * Who may play: the channel's team always; otherwise the video must be published, the caller's plan
 * must include its access level (unless free), and during early access, `early_access`.
 * Refusals are billing's 403 `billing.entitlement.required`, naming the plans that unlock it.
 */
@QueryHandler(GetPlaybackQuery)
export class GetPlaybackHandler implements IQueryHandler<GetPlaybackQuery> {
  constructor(
    private readonly em: EntityManager,
    private readonly billing: BillingApi,
    private readonly media: MediaLibrary,
  ) {}

  async execute({ userId, videoId }: GetPlaybackQuery) {
    const video = await this.em.findOne(Video, { id: videoId });
    const channel = video ? await this.em.findOne(Channel, { id: video.channelId }) : null;
    const onTeam = channel?.roleOf(userId) != null;
    if (!video || !channel || (!onTeam && video.state !== 'published') || !video.assetId)
      throw new CatalogVideoNotFoundError(videoId);
    if (!onTeam) {
      if (video.accessLevel !== 'free') await this.billing.assertEntitled(userId, video.accessLevel);
      const openToAll = video.availableToAllAt();
      if (openToAll && openToAll.getTime() > Date.now()) await this.billing.assertEntitled(userId, 'early_access');
    }
    const { masterUrl, expiresAt } = await this.media.playback(video.assetId, { ttlSeconds: 3_600 });
    return {
      videoId,
      masterUrl,
      expiresAt: expiresAt.toISOString(),
      captions: video.captions.map(({ language, label }) => ({
        language,
        label,
        url: `/v1/catalog/videos/${videoId}/captions/${language}.vtt`,
      })),
    };
  }
}

@QueryHandler(GetCaptionFileQuery)
export class GetCaptionFileHandler implements IQueryHandler<GetCaptionFileQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ videoId, language }: GetCaptionFileQuery) {
    const video = await this.em.findOne(Video, { id: videoId });
    const caption =
      video?.state === 'published' ? video.captions.find((candidate) => candidate.language === language) : undefined;
    if (!caption) throw new CatalogVideoNotFoundError(videoId);
    return caption.content;
  }
}
