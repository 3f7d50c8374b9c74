import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SearchIndex, type FilterValue, type SortClause } from '@lib/platform';
import { CATALOG_INDEX, type CatalogDocument } from '../../catalog/catalog-index.js';
import { SearchCatalogQuery, type CatalogSort } from './search-catalog.query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const BY_POPULARITY: SortClause[] = [
  { field: 'popularity', order: 'desc' },
  { field: 'publishedAt', order: 'desc' },
];

const SORTS: Record<CatalogSort, SortClause[] | undefined> = {
  relevance: undefined,
  newest: [{ field: 'publishedAt', order: 'desc' }],
  oldest: [{ field: 'publishedAt', order: 'asc' }],
  popular: BY_POPULARITY, // the first name of `popularity`, kept for existing clients
  popularity: BY_POPULARITY,
  // Videos not trending (score 0) follow, most popular first.
  trending: [{ field: 'trending', order: 'desc' }, ...BY_POPULARITY],
  shortest: [{ field: 'durationSeconds', order: 'asc' }],
  longest: [{ field: 'durationSeconds', order: 'desc' }],
};

const FACETS = ['category', 'tier', 'duration', 'language', 'creatorHandle'];

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
      items: result.hits.map((hit) => ({ id: hit.id, score: hit.score, ...hit.document })),
      total: result.total,
      totalRelation: result.totalRelation,
      facets: result.facets,
      facetsExhaustive: result.facetsExhaustive,
      ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
    };
  }
}
