import { InvalidSearchQueryError } from './search-errors.js';
import {
  DEFAULT_TRACK_TOTAL_UP_TO,
  MAX_TRACK_TOTAL_UP_TO,
  type FieldType,
  type FilterValue,
  type IndexDefinition,
  type SearchQuery,
} from './search-index.js';

/**
 * What both adapters run: a SearchQuery checked against the index definition, with filter values
 * coerced to the field types, the default sort filled in and the cursor decoded.
 */
export interface NormalizedQuery {
  text?: string;
  mode: 'full' | 'autocomplete';
  filters: NormalizedFilter[];
  facets: string[];
  /** The requested order, without the id tie-break that always follows it. */
  sort: NormalizedSort[];
  limit: number;
  /** Sort values of the last hit of the previous page, the id last. */
  after?: CursorValue[];
  /** Matches counted exactly up to this many. */
  trackTotalUpTo: number;
}

export type ScalarValue = string | number | boolean;
export type CursorValue = string | number | boolean | null;

export type NormalizedFilter =
  | { field: string; type: FieldType; values: ScalarValue[] }
  | { field: string; type: FieldType; range: Partial<Record<RangeOperator, ScalarValue>> };

export type RangeOperator = 'gte' | 'gt' | 'lte' | 'lt';

export interface NormalizedSort {
  /** A sortable field, or `_score`. */
  field: string;
  order: 'asc' | 'desc';
  type: FieldType | 'score';
}

const RANGE_OPERATORS: readonly RangeOperator[] = ['gte', 'gt', 'lte', 'lt'];
const MAX_TEXT_LENGTH = 500;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export function normalizeQuery(definition: IndexDefinition, query: SearchQuery): NormalizedQuery {
  if (!Number.isInteger(query.limit) || query.limit < 0) {
    throw new InvalidSearchQueryError(`limit must be a non-negative integer, got ${query.limit}`);
  }
  const text = typeof query.text === 'string' && query.text.trim() !== '' ? query.text.trim() : undefined;
  if (text && text.length > MAX_TEXT_LENGTH) {
    throw new InvalidSearchQueryError(`text is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  const trackTotalUpTo = query.trackTotalUpTo ?? DEFAULT_TRACK_TOTAL_UP_TO;
  if (!Number.isInteger(trackTotalUpTo) || trackTotalUpTo < 1 || trackTotalUpTo > MAX_TRACK_TOTAL_UP_TO) {
    throw new InvalidSearchQueryError(`trackTotalUpTo must be an integer from 1 to ${MAX_TRACK_TOTAL_UP_TO}`);
  }
  const mode = query.mode ?? 'full';
  if (mode !== 'full' && mode !== 'autocomplete') throw new InvalidSearchQueryError(`Unknown mode "${String(mode)}"`);

  const filters = Object.entries(query.filters ?? {}).map(([field, value]) =>
    normalizeFilter(definition, field, value),
  );

  const facets = [...new Set(query.facets ?? [])];
  for (const field of facets) {
    if (!definition.fields[field]?.facet) {
      throw new InvalidSearchQueryError(`"${field}" is not a facet of index "${definition.name}"`, field);
    }
  }

  const sort = normalizeSort(definition, query, text !== undefined);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, sort);
  return { text, mode, filters, facets, sort, limit: query.limit, after, trackTotalUpTo };
}

function normalizeSort(definition: IndexDefinition, query: SearchQuery, hasText: boolean): NormalizedSort[] {
  const requested = query.sort ?? (hasText ? [{ field: '_score', order: 'desc' as const }] : []);
  const sort: NormalizedSort[] = [];
  for (const clause of requested) {
    if (clause.order !== 'asc' && clause.order !== 'desc') {
      throw new InvalidSearchQueryError(`Sort order must be asc or desc, got "${String(clause.order)}"`, clause.field);
    }
    if (clause.field === '_score') {
      // Without text every document scores the same: the clause would only cost time.
      if (hasText) sort.push({ field: '_score', order: clause.order, type: 'score' });
      continue;
    }
    const field = definition.fields[clause.field];
    if (!field?.sortable) {
      throw new InvalidSearchQueryError(
        `"${clause.field}" is not sortable in index "${definition.name}"`,
        clause.field,
      );
    }
    sort.push({ field: clause.field, order: clause.order, type: field.type });
  }
  return sort;
}

function normalizeFilter(definition: IndexDefinition, field: string, value: FilterValue): NormalizedFilter {
  const declared = definition.fields[field];
  if (!declared?.filterable) {
    throw new InvalidSearchQueryError(`"${field}" is not filterable in index "${definition.name}"`, field);
  }
  const type = declared.type;
  if (Array.isArray(value)) {
    if (value.length === 0) throw new InvalidSearchQueryError(`Filter "${field}" needs at least one value`, field);
    return { field, type, values: [...new Set(value.map((v) => coerce(field, type, v)))] };
  }
  if (value !== null && typeof value === 'object') {
    if (type !== 'integer' && type !== 'float' && type !== 'date') {
      throw new InvalidSearchQueryError(`Range filters apply to numeric and date fields; "${field}" is ${type}`, field);
    }
    const range: Partial<Record<RangeOperator, ScalarValue>> = {};
    for (const [operator, bound] of Object.entries(value)) {
      if (!RANGE_OPERATORS.includes(operator as RangeOperator)) {
        throw new InvalidSearchQueryError(`Unknown range operator "${operator}" on "${field}"`, field);
      }
      if (bound !== undefined) range[operator as RangeOperator] = coerce(field, type, bound);
    }
    if (Object.keys(range).length === 0)
      throw new InvalidSearchQueryError(`Range filter "${field}" has no bound`, field);
    return { field, type, range };
  }
  return { field, type, values: [coerce(field, type, value)] };
}

function coerce(field: string, type: FieldType, value: unknown): ScalarValue {
  const invalid = () =>
    new InvalidSearchQueryError(`Filter value ${JSON.stringify(value)} does not fit ${type} field "${field}"`, field);
  switch (type) {
    case 'integer':
    case 'float': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) throw invalid();
      return number;
    }
    case 'boolean':
      if (value === true || value === 'true') return true;
      if (value === false || value === 'false') return false;
      throw invalid();
    case 'date':
      if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) throw invalid();
      return value;
    case 'keyword':
    case 'text':
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') throw invalid();
      return String(value);
  }
}

/** Names the order a cursor was made for, so it is refused under another one. */
function sortSignature(sort: NormalizedSort[]): string {
  return sort.map((s) => `${s.field}:${s.order}`).join(',');
}

/** Opaque to clients: base64url JSON of the sort it belongs to and the last hit's sort values + id. */
export function encodeCursor(sort: NormalizedSort[], values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ s: sortSignature(sort), v: values }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, sort: NormalizedSort[]): CursorValue[] {
  const malformed = (why: string) => new InvalidSearchQueryError(`Malformed cursor: ${why}`);
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw malformed('not base64url');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw malformed('not JSON');
  }
  const { s, v } = (decoded ?? {}) as { s?: unknown; v?: unknown };
  if (s !== sortSignature(sort)) throw malformed('it belongs to another sort order');
  if (!Array.isArray(v) || v.length !== sort.length + 1) throw malformed('wrong number of sort values');
  v.forEach((value: unknown, i) => {
    const type = i < sort.length ? sort[i].type : 'id';
    const ok =
      type === 'id'
        ? typeof value === 'string'
        : type === 'score'
          ? typeof value === 'number' && Number.isFinite(value)
          : value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!ok) throw malformed(`sort value ${i + 1} has the wrong type`);
  });
  return v as CursorValue[];
}
