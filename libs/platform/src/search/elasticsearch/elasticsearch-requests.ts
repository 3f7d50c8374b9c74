import type { estypes } from '@elastic/elasticsearch';
import type { CursorValue, NormalizedFilter, NormalizedQuery } from '../query.js';
import type { FieldDefinition, FieldType, IndexDefinition } from '../search-index.js';

/** Buckets returned per facet (the PostgreSQL adapter returns as many). */
export const FACET_SIZE = 20;

/**
 * Documents are stored as `{ id, doc }`: `id` is the keyword the sort tie-break needs (sorting on
 * `_id` is disabled by default), `doc` the body, so body fields can never clash with it.
 */
export interface StoredDocument {
  id: string;
  doc: Record<string, unknown>;
}

/** The mapping of one physical version; the definition rides along in `_meta` for other processes. */
export function buildMapping(definition: IndexDefinition): estypes.MappingTypeMapping {
  return {
    dynamic: 'strict',
    _meta: { definition: definition },
    properties: {
      id: { type: 'keyword' },
      // Undeclared body fields stay in _source but are not indexed, as in the PostgreSQL adapter.
      doc: {
        type: 'object',
        dynamic: false,
        properties: Object.fromEntries(
          Object.entries(definition.fields).map(([name, field]) => [name, fieldMapping(field)]),
        ),
      },
    },
  };
}

function fieldMapping(field: FieldDefinition): estypes.MappingProperty {
  switch (field.type) {
    case 'text': {
      // search_as_you_type adds the _2gram/_3gram/_index_prefix subfields bool_prefix queries use.
      const exact =
        field.filterable || field.sortable ? { fields: { raw: { type: 'keyword' as const, ignore_above: 1024 } } } : {};
      return { type: field.autocomplete ? 'search_as_you_type' : 'text', ...exact };
    }
    case 'keyword':
      return { type: 'keyword', ignore_above: 1024 };
    case 'integer':
      return { type: 'long', coerce: false };
    case 'float':
      return { type: 'double', coerce: false };
    case 'date':
      return { type: 'date' };
    case 'boolean':
      return { type: 'boolean' };
  }
}

/** Where a field is matched, filtered, sorted or aggregated: text fields use their keyword subfield. */
function exactPath(definition: IndexDefinition, field: string): string {
  return definition.fields[field].type === 'text' ? `doc.${field}.raw` : `doc.${field}`;
}

export type SearchRequestBody = Pick<
  estypes.SearchRequest,
  'query' | 'sort' | 'size' | 'search_after' | 'track_total_hits' | 'track_scores' | 'aggs' | '_source'
>;

export function buildSearchBody(definition: IndexDefinition, query: NormalizedQuery): SearchRequestBody {
  const must: estypes.QueryDslQueryContainer[] =
    query.text === undefined ? [] : [textQuery(definition, query.text, query.mode)];
  const body: SearchRequestBody = {
    query: {
      bool: {
        must: must.length > 0 ? must : [{ match_all: {} }],
        filter: query.filters.map((f) => filterClause(definition, f)),
      },
    },
    sort: [
      ...query.sort.map((s): estypes.SortCombinations =>
        s.type === 'score'
          ? { _score: { order: s.order } }
          : { [exactPath(definition, s.field)]: { order: s.order, missing: missingLast(s.type, s.order) } },
      ),
      { id: { order: 'asc' } },
    ],
    // One more than asked: its presence says whether a next page exists.
    size: query.limit + 1,
    track_total_hits: query.trackTotalUpTo,
    // Sorting by a field drops scores unless asked to keep them.
    track_scores: query.text !== undefined,
    _source: ['doc'],
  };
  if (query.after) body.search_after = query.after.map(toSearchAfterValue);
  if (query.facets.length > 0) {
    body.aggs = Object.fromEntries(
      query.facets.map((field) => [field, { terms: { field: exactPath(definition, field), size: FACET_SIZE } }]),
    );
  }
  return body;
}

function textQuery(
  definition: IndexDefinition,
  text: string,
  mode: NormalizedQuery['mode'],
): estypes.QueryDslQueryContainer {
  const textFields = Object.entries(definition.fields).filter(([, field]) => field.type === 'text');
  const boosted = (path: string, field: FieldDefinition) => `${path}^${field.weight ?? 1}`;
  if (mode === 'autocomplete') {
    const autocomplete = textFields.filter(([, field]) => field.autocomplete);
    const fields = (autocomplete.length > 0 ? autocomplete : textFields).flatMap(([name, field]) =>
      field.autocomplete
        ? [boosted(`doc.${name}`, field), boosted(`doc.${name}._2gram`, field), boosted(`doc.${name}._3gram`, field)]
        : [boosted(`doc.${name}`, field)],
    );
    // Every finished word must match; the last one is a prefix.
    return { multi_match: { query: text, type: 'bool_prefix', operator: 'and', fields } };
  }
  const fields = textFields.map(([name, field]) => boosted(`doc.${name}`, field));
  return {
    bool: {
      should: [
        { multi_match: { query: text, type: 'best_fields', operator: 'or', fuzziness: 'AUTO', fields } },
        // The last word may be unfinished: it also matches as a prefix, scored low (a prefix query scores
        // a constant) so whole-word matches rank first.
        { multi_match: { query: text.split(/\s+/).at(-1)!, type: 'bool_prefix', fields, boost: PREFIX_BOOST } },
      ],
      minimum_should_match: 1,
    },
  };
}

/** Weight of a prefix-only match of the last word: its constant score stays below a whole-word match's. */
const PREFIX_BOOST = 0.1;

function filterClause(definition: IndexDefinition, filter: NormalizedFilter): estypes.QueryDslQueryContainer {
  const path = exactPath(definition, filter.field);
  if ('values' in filter) {
    return filter.values.length === 1 ? { term: { [path]: filter.values[0] } } : { terms: { [path]: filter.values } };
  }
  return { range: { [path]: filter.range } };
}

/**
 * Where documents without the field sort: last in both directions. `_last` would make Elasticsearch
 * report Long.MAX/MIN_VALUE as their sort value, which JSON.parse rounds out of range, so numbers and
 * dates sort missing values at the end of the values JavaScript can hold instead.
 */
function missingLast(type: FieldType, order: 'asc' | 'desc'): estypes.AggregationsMissing {
  const sign = order === 'asc' ? 1 : -1;
  switch (type) {
    case 'integer':
      return sign * Number.MAX_SAFE_INTEGER;
    case 'float':
      return sign * Number.MAX_VALUE;
    case 'date':
      return sign * MAX_DATE_MS;
    default:
      return '_last'; // keyword sort values of missing documents come back as null
  }
}

/** The last instant a JavaScript Date holds (year 275760). */
const MAX_DATE_MS = 8_640_000_000_000_000;
const LONG_MAX = 2n ** 63n - 1n;

/** Defensive: a Long.MAX/MIN_VALUE sort value (rounded to ±2^63 by JSON.parse) goes back as an exact string. */
function toSearchAfterValue(value: CursorValue): estypes.FieldValue {
  if (typeof value === 'number' && Math.abs(value) >= 2 ** 63)
    return (value > 0 ? LONG_MAX : -LONG_MAX - 1n).toString();
  return value;
}
