// The search read model: the SearchIndex port, its two adapters and the zero-downtime rebuild.
export * from './search-index.js';
export {
  InvalidIndexDefinitionError,
  InvalidSearchQueryError,
  SearchRebuildFailedError,
  UnknownSearchIndexError,
} from './search-errors.js';
export { rebuildIndex, type RebuildOptions, type RebuildResult, type SearchIndexSource } from './reindex.js';
export { normalizeQuery, type NormalizedQuery } from './query.js';

export { PostgresSearchIndex, type PostgresSearchIndexOptions } from './postgres/postgres-search-index.js';
export {
  buildSearchStatement,
  readSearchRows,
  type PostgresSearchStatement,
  type SearchRow,
} from './postgres/search-statement.js';

export {
  ElasticsearchSearchIndex,
  type ElasticsearchSearchIndexOptions,
} from './elasticsearch/elasticsearch-search-index.js';
export {
  buildMapping,
  buildSearchBody,
  type SearchRequestBody,
  type StoredDocument,
} from './elasticsearch/elasticsearch-requests.js';
