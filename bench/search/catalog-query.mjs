// The SearchQuery studio's handlers build from the catalog routes' query strings (SearchCatalogHandler,
// SuggestCatalogHandler, with the DTO defaults), shared by the baseline server and the `--explain` profile.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BY_POPULARITY = [
  { field: 'popularity', order: 'desc' },
  { field: 'publishedAt', order: 'desc' },
];
export const SORTS = {
  relevance: undefined,
  newest: [{ field: 'publishedAt', order: 'desc' }],
  oldest: [{ field: 'publishedAt', order: 'asc' }],
  popular: BY_POPULARITY,
  popularity: BY_POPULARITY,
  trending: [{ field: 'trending', order: 'desc' }, ...BY_POPULARITY],
  shortest: [{ field: 'durationSeconds', order: 'asc' }],
  longest: [{ field: 'durationSeconds', order: 'desc' }],
};
export const FACETS = ['category', 'tier', 'duration', 'language', 'creatorHandle'];

/** GET /v1/catalog's query string → the SearchQuery; undefined when the app would answer 400. */
export function catalogSearchQuery(params) {
  const { q, category, tier, creator, language, duration, seriesId, sort = 'relevance', cursor } = params;
  const limit = Number(params.limit ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Object.hasOwn(SORTS, sort)) return undefined;
  const filters = {};
  if (category) filters.category = category;
  if (tier) filters.tier = tier;
  if (language) filters.language = language;
  if (duration) filters.duration = duration;
  if (seriesId) filters.seriesId = seriesId;
  if (creator) {
    if (UUID.test(creator)) filters.creatorId = creator.toLowerCase();
    else filters.creatorHandle = creator.replace(/^@/, '').toLowerCase();
  }
  const text = q?.trim() || undefined;
  return {
    text,
    mode: 'full',
    filters,
    facets: FACETS,
    sort: SORTS[sort] ?? (text ? undefined : SORTS.newest),
    limit,
    cursor,
  };
}

/** GET /v1/catalog/suggest's query string → the SearchQuery; undefined when the app would answer 400. */
export function suggestQuery(params) {
  const { q } = params;
  const limit = Number(params.limit ?? 8);
  if (typeof q !== 'string' || q.length < 1 || q.length > 100 || !Number.isInteger(limit) || limit < 1 || limit > 20)
    return undefined;
  return { text: q, mode: 'autocomplete', limit, trackTotalUpTo: 100 }; // SUGGEST_CANDIDATES
}
