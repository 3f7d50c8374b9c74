/**
 * The search read-model port. Two adapters implement it behind one contract suite
 * (search-index.contract.ts): Elasticsearch in production, PostgreSQL full text by default.
 *
 * Indices are versioned (`people-v1`, `people-v2`) behind an alias named after the index, so a
 * rebuild writes a new version and swaps the alias with no downtime.
 */

export type FieldType = 'text' | 'keyword' | 'integer' | 'float' | 'date' | 'boolean';

export interface FieldDefinition {
  type: FieldType;
  /** text only: part of the full-text match. Higher weight ranks matches in this field first (1-4). */
  weight?: 1 | 2 | 3 | 4;
  /** text only: matched by prefix while typing (autocomplete). */
  autocomplete?: boolean;
  /** keyword/boolean/numeric: counted in facets when asked. */
  facet?: boolean;
  /** May be used in `filters`. */
  filterable?: boolean;
  /** May be used in `sort`. */
  sortable?: boolean;
}

export interface IndexDefinition {
  /** Logical name (the alias): lowercase letters, digits and dashes. */
  name: string;
  fields: Record<string, FieldDefinition>;
  /**
   * Which matches an adapter that bounds its work per query (PostgreSQL, ADR 0068) keeps when more match
   * than it ranks and counts: the first in this order (a date or numeric field; documents without it come
   * last, ties in id order). `{ field: 'publishedAt', order: 'desc' }` keeps the newest. Absent: id order.
   * Elasticsearch ranks every match and ignores it.
   */
  windowOrder?: WindowOrder;
}

export interface WindowOrder {
  field: string;
  order: 'asc' | 'desc';
}

export interface SearchDocument<T extends object = Record<string, unknown>> {
  id: string;
  /**
   * The source aggregate's version. A write carrying a version lower than (or equal to) the stored
   * one is ignored, so a stale or replayed projection never overwrites newer data.
   */
  version: number;
  body: T;
}

export interface BulkResult {
  /** Documents written (new or newer than the stored version). */
  written: number;
  /** Documents skipped because the index already holds that version or a newer one. */
  stale: number;
  /** Documents that could not be written, each with the reason (after retrying transient failures). */
  failed: { id: string; reason: string }[];
}

export type FilterValue =
  | string
  | number
  | boolean
  | (string | number | boolean)[]
  | { gte?: number | string; lte?: number | string; gt?: number | string; lt?: number | string };

export interface SortClause {
  /** A sortable field, or `_score` for relevance (only meaningful with `text`). */
  field: string;
  order: 'asc' | 'desc';
}

export interface SearchQuery {
  /** Free text from a user; typos and partial words are tolerated. Absent: match everything. */
  text?: string;
  /**
   * `full`: ranked full-text search with typo tolerance.
   * `autocomplete`: the last word is a prefix being typed (search-as-you-type).
   */
  mode?: 'full' | 'autocomplete';
  /** Field = value (exact), any of values (array) or a range; all filters must hold. */
  filters?: Record<string, FilterValue>;
  /** Facet fields to count over the matching documents (ignoring `limit`). */
  facets?: string[];
  /** Default: `_score` desc when text is given, then id asc; id asc alone otherwise. Ties always break on id. */
  sort?: SortClause[];
  limit: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /**
   * Matches are counted exactly up to this many (default `DEFAULT_TRACK_TOTAL_UP_TO`); beyond it `total` is this
   * number with `totalRelation: 'gte'`, like Elasticsearch's `track_total_hits`. Bounds the work of a common word.
   */
  trackTotalUpTo?: number;
}

/** Exact totals up to this many matches (Elasticsearch counts 10,000 by default; Algolia pages 1,000 hits). */
export const DEFAULT_TRACK_TOTAL_UP_TO = 1_000;
/** The largest `trackTotalUpTo` a query may ask for. */
export const MAX_TRACK_TOTAL_UP_TO = 100_000;

export interface SearchHit<T> {
  id: string;
  score: number | null;
  document: T;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult<T> {
  hits: SearchHit<T>[];
  /** Number of matching documents (all pages): exact with `eq`, a lower bound with `gte` (see trackTotalUpTo). */
  total: number;
  totalRelation: 'eq' | 'gte';
  facets: Record<string, FacetCount[]>;
  /**
   * false when the facet counts were taken over a bounded subset of the matches (an adapter may do so when
   * `totalRelation` is `gte`): each count is then at most the true one. true: counted over every match.
   */
  facetsExhaustive: boolean;
  /** Present when more results follow. */
  nextCursor?: string;
}

/** A physical index version being built by a reindex, before the alias points at it. */
export interface IndexVersion {
  definition: IndexDefinition;
  /** Physical name, e.g. `showrunner-people-v2`. */
  physicalName: string;
  version: number;
}

export abstract class SearchIndex {
  /** Which adapter this is (`elasticsearch` or `postgres`), for logs and health. */
  abstract readonly kind: string;

  /** Creates version 1 and its alias when the index does not exist yet; idempotent. */
  abstract ensureIndex(definition: IndexDefinition): Promise<void>;

  /** Writes documents through the alias, keeping only versions newer than the stored ones. */
  abstract upsert(indexName: string, documents: SearchDocument[]): Promise<BulkResult>;

  /** Removes a document unless the index holds a newer version than `version`. */
  abstract delete(indexName: string, id: string, version: number): Promise<void>;

  abstract search<T = Record<string, unknown>>(indexName: string, query: SearchQuery): Promise<SearchResult<T>>;

  /** Starts a new physical version next to the live one (for reindexing). */
  abstract createVersion(definition: IndexDefinition): Promise<IndexVersion>;

  /** Writes into a version that is not live yet. */
  abstract upsertInto(target: IndexVersion, documents: SearchDocument[]): Promise<BulkResult>;

  /** Points the alias at `target` atomically and drops the versions it replaced. */
  abstract promote(target: IndexVersion): Promise<void>;

  /** Number of documents behind the alias. */
  abstract count(indexName: string): Promise<number>;

  /** Throws when the backing store is unreachable (used by /health/ready). */
  abstract ping(): Promise<void>;
}
