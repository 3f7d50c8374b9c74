import { isFieldName } from '../definition.js';
import {
  encodeCursor,
  normalizeQuery,
  type CursorValue,
  type NormalizedFilter,
  type NormalizedQuery,
  type NormalizedSort,
} from '../query.js';
import { InvalidSearchQueryError } from '../search-errors.js';
import type { FacetCount, FieldType, IndexVersion, SearchHit, SearchQuery, SearchResult } from '../search-index.js';

/** Rank weights for D, C, B, A: proportional to field weights 1-4, like the Elasticsearch boosts. */
const RANK_WEIGHTS = `'{0.25,0.5,0.75,1}'`;
/**
 * Bands below the lowest exact-match rank (one weight-1 hit scores 0.25), each filled by a rank normalised
 * into [0, 1): documents matching the last word only as a prefix rank after every whole-word match, and
 * documents matching only through typo corrections after those.
 */
const PREFIX_BAND = { floor: 0.1, width: 0.1 };
const FUZZY_BAND = { floor: 0, width: 0.1 };
/** Buckets returned per facet, like an Elasticsearch terms aggregation with size 20. */
export const FACET_SIZE = 20;

export interface PostgresSearchStatement {
  text: string;
  values: unknown[];
  /** The validated query, needed to read the rows back (readSearchRows). */
  query: NormalizedQuery;
}

interface SortColumn {
  /** Column of the `matched` CTE. */
  column: string;
  order: 'asc' | 'desc';
  nullable: boolean;
  /** SQL type a cursor value is cast to. */
  cast: 'float8' | 'numeric' | 'boolean' | 'text collate "C"';
}

class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The one statement behind `PostgresSearchIndex.search`: hits of one page, the total, the facet counts
 * and the alias's live version, all read from one snapshot. `$1` is the physical index name.
 *
 * Its work is bounded whatever the number of matches (ADR 0068): the matches are read band by band (whole
 * words, then the last word as a prefix, then typo corrections), each band in the definition's window order
 * (`windowOrder`, e.g. the newest first: `window_key`, then id), until `trackTotalUpTo + 1` are found (the
 * window). The total and the facets are counted over the window (exact when it holds every match), and a
 * relevance-sorted page is ranked within it. Only a page sorted on a field reads every match, so that the
 * order is exact.
 */
export function buildSearchStatement(target: IndexVersion, search: SearchQuery): PostgresSearchStatement {
  const query = normalizeQuery(target.definition, search);
  const params = new Parameters();
  const index = params.add(target.physicalName);

  const fieldSorts = query.sort.filter((s): s is NormalizedSort & { type: FieldType } => s.type !== 'score');
  const sortColumns: SortColumn[] = [
    ...query.sort.map((s): SortColumn => {
      if (s.type === 'score') return { column: 'score', order: s.order, nullable: false, cast: 'float8' };
      return {
        column: `s${fieldSorts.indexOf(s as (typeof fieldSorts)[number])}`,
        order: s.order,
        nullable: true,
        cast: sortCast(s.type),
      };
    }),
    { column: 'id', order: 'asc', nullable: false, cast: 'text collate "C"' },
  ];
  const ranked = query.sort.some((s) => s.type === 'score');
  const filters = query.filters.map((f) => `and ${filterCondition(f, params)}`).join('\n      ');

  // Each band: its vector, its tsquery, and (full mode) a condition known before any row is read that says
  // the band can add nothing (a one-time filter: PostgreSQL then never scans it).
  interface Band {
    vector: string;
    where: string;
    /** The rank of a row `r` of this band (its `vector` column). */
    score: (r: string) => string;
  }
  let bands: Band[];
  let ctes = '';
  if (query.text === undefined) {
    bands = [{ vector: 'null::tsvector', where: 'd.body is not null', score: () => 'null::float8' }];
  } else if (query.mode === 'autocomplete') {
    // Every finished word must match; the word being typed matches as a prefix.
    const words = query.text.split(/\s+/);
    const terms = `search.prefix_query(${params.add(words.slice(0, -1).join(' '))}, ${params.add(words.at(-1))})`;
    // Without autocomplete fields, prefixes match every text field.
    const vector = Object.values(target.definition.fields).some((f) => f.autocomplete) ? 'd.suggest' : 'd.vector';
    bands = [
      {
        vector,
        where: `${vector} @@ ${terms}`,
        score: (r) => `ts_rank_cd(${RANK_WEIGHTS}, ${r}.vector, ${terms})::float8`,
      },
    ];
  } else {
    // Any word may match, ranked by how often and in which fields; then documents where the last word
    // matches only as a prefix (the person is still typing it); then documents matching only with typos
    // (see search.typo_query). Each later band ranks below every match of the earlier ones.
    const text = params.add(query.text);
    const terms = `search.any_words_query(${text})`;
    const last = params.add(query.text.split(/\s+/).at(-1));
    const typing = `search.prefix_query('', ${last})`;
    const band =
      ({ floor, width }: typeof PREFIX_BAND, tsquery: string) =>
      (r: string) =>
        // Normalisation 32 maps the rank into [0, 1), so a band never reaches the one above it.
        `(${floor} + ${width} * ts_rank_cd(${RANK_WEIGHTS}, ${r}.vector, ${tsquery}, 32))::float8`;
    ctes = `
typos as (
  select search.typo_query(${index}, ${text}) as terms
),`;
    bands = [
      {
        vector: 'd.vector',
        where: `d.vector @@ ${terms}`,
        score: (r) => `ts_rank_cd(${RANK_WEIGHTS}, ${r}.vector, ${terms})::float8`,
      },
      {
        vector: 'd.vector',
        // A prefix adds documents only when some indexed word is longer than the typed one and starts with it
        // ("tutorial" → "tutorials"): a range read of the word list's primary key.
        where: `(select ${longerWordExists(index, last)})
    and d.vector @@ ${typing}
    and not coalesce(d.vector @@ ${terms}, false)`,
        score: band(PREFIX_BAND, typing),
      },
      {
        vector: 'd.vector',
        where: `(select terms is not null from typos)
    and d.vector @@ (select terms from typos)
    and not coalesce(d.vector @@ ${terms}, false)
    and not coalesce(d.vector @@ ${typing}, false)`,
        score: band(FUZZY_BAND, '(select terms from typos)'),
      },
    ];
  }

  const sortValues = fieldSorts.map((s, i) => `, ${sortExpression(s.field, s.type)} as s${i}`).join('');
  // The window carries what the sample needs: facet keys, and sort values when the page is ranked within it.
  const windowExtra = `${ranked ? sortValues : ''}${query.facets.length > 0 ? ', d.keys' : ''}`;
  const bandSelect = (b: Band, i: number, extra: string) =>
    `select d.id, ${i} as band, d.window_key, ${b.vector} as vector${extra}
    from search.documents d
    where d.index_name = ${index} and ${b.where}
      ${filters}`;
  const windowSize = params.add(query.trackTotalUpTo + 1);
  const totalCap = params.add(query.trackTotalUpTo);
  const score = (r: string) =>
    bands.length === 1
      ? bands[0].score(r)
      : `case ${r}.band ${bands.map((b, i) => `when ${i} then ${b.score(r)}`).join(' ')} end`;

  const order = (alias: string) =>
    sortColumns.map((c) => `${alias}.${c.column} ${c.order}${c.nullable ? ' nulls last' : ''}`).join(', ');
  const keyset = query.after ? `where ${keysetCondition(sortColumns, query.after, params)}` : '';
  const limit = params.add(query.limit + 1);
  const carried = `m.id, m.band, m.vector${fieldSorts.map((_, i) => `, m.s${i}`).join('')}`;
  // A relevance page is ranked within the sample; a page sorted on fields reads every match.
  const source = ranked
    ? `(select ${carried}, ${score('m')} as score from sample m) m`
    : `(${bands.map((b, i) => bandSelect(b, i, sortValues)).join('\n  union all\n  ')}) m`;

  const text = `
with ${ctes.trim()}
-- One LIMIT over the bands' Append: a band is started only when the ones before it left the window short.
window_rows as (
  select * from (
    ${bands
      .map(
        (b, i) => `(${bandSelect(b, i, windowExtra)}
    order by d.window_key, d.id
    limit ${windowSize})`,
      )
      .join('\n    union all\n    ')}
  ) w
  limit ${windowSize}
),
sample as (
  select * from window_rows order by band, window_key, id limit ${totalCap}
),
page as (
  select p.id, ${ranked ? 'p.score' : score('p')} as score${fieldSorts.map((_, i) => `, p.s${i}`).join('')}, d.body
  from (
    select ${carried}${ranked ? ', m.score' : ''}
    from ${source}
    ${keyset}
    order by ${order('m')}
    limit ${limit}
  ) p
  join search.documents d on d.index_name = ${index} and d.id = p.id
)
select
  -- Differs from $1 when the alias moved on since the caller resolved it: the caller retries.
  (select a.physical_name from search.indices i join search.aliases a on a.alias = i.alias where i.physical_name = ${index}) as live_physical_name,
  (select count(*) from window_rows) as window_count,
  ${facetsExpression(query.facets)} as facets,
  page.*
from (select 1) as meta
left join page on true
order by ${order('page')}`;
  return { text: text.trim(), values: params.values, query };
}

// The last code point, as a literal: chr(1114111) fails on a database whose encoding is not UTF8.
const HIGHEST_CHARACTER = String.fromCodePoint(0x10ffff);

/** Whether an indexed word is longer than a lexeme of `last` and starts with it (byte order: collate "C"). */

function longerWordExists(index: string, last: string): string {
  return `exists (
      select from unnest(tsvector_to_array(to_tsvector('simple', ${last}))) t(lexeme)
      where exists (select from search.words w where w.index_name = ${index} and w.word > t.lexeme and w.word < t.lexeme || '${HIGHEST_CHARACTER}'))`;
}

export interface SearchRow {
  live_physical_name: string | null;
  /** Matches in the window: up to trackTotalUpTo + 1, more than trackTotalUpTo meaning "at least that many". */
  window_count: string;
  facets: Record<string, FacetCount[]>;
  id: string | null;
  score: number | null;
  body: Record<string, unknown> | null;
  [sortColumn: `s${number}`]: CursorValue;
}

/** Turns the statement's rows into a SearchResult. */
export function readSearchRows<T>(rows: SearchRow[], query: NormalizedQuery): SearchResult<T> {
  const [first] = rows;
  const page = rows.filter((r) => r.id !== null);
  const hits: SearchHit<T>[] = page
    .slice(0, query.limit)
    .map((r) => ({ id: r.id!, score: r.score, document: r.body as T }));
  let nextCursor: string | undefined;
  if (page.length > query.limit && query.limit > 0) {
    const last = page[query.limit - 1];
    let fieldSort = 0;
    const values = query.sort.map((s) => (s.type === 'score' ? last.score : last[`s${fieldSort++}`]));
    nextCursor = encodeCursor(query.sort, [...values, last.id]);
  }
  const found = Number(first?.window_count ?? 0);
  const exhaustive = found <= query.trackTotalUpTo;
  return {
    hits,
    total: Math.min(found, query.trackTotalUpTo),
    totalRelation: exhaustive ? 'eq' : 'gte',
    facets: first?.facets ?? {},
    facetsExhaustive: exhaustive,
    nextCursor,
  };
}

function fieldPath(field: string): string {
  if (!isFieldName(field)) throw new InvalidSearchQueryError(`Invalid field name "${field}"`, field);
  return `'${field}'`;
}

/** Sort keys are typed so numbers and dates order as values; text orders by code point, like Elasticsearch. */
function sortExpression(field: string, type: FieldType): string {
  const value = `(d.body ->> ${fieldPath(field)})`;
  switch (type) {
    case 'integer':
    case 'float':
      return `${value}::numeric`;
    case 'date':
      return `extract(epoch from ${value}::timestamptz)`;
    case 'boolean':
      return `${value}::boolean`;
    case 'keyword':
    case 'text':
      return `${value} collate "C"`;
  }
}

function sortCast(type: FieldType): SortColumn['cast'] {
  switch (type) {
    case 'integer':
    case 'float':
    case 'date':
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'keyword':
    case 'text':
      return 'text collate "C"';
  }
}

function filterCondition(filter: NormalizedFilter, params: Parameters): string {
  const path = fieldPath(filter.field);
  if ('values' in filter) {
    if (filter.type === 'date')
      return `(d.body ->> ${path})::timestamptz = any(${params.add(filter.values)}::timestamptz[])`;
    // One containment per value: each can use the GIN index on keys (an `= any` over arrays cannot).
    const matches = filter.values.map((v) => `d.keys @> ${params.add(JSON.stringify({ [filter.field]: [v] }))}::jsonb`);
    return matches.length === 1 ? matches[0] : `(${matches.join(' or ')})`;
  }
  const cast = filter.type === 'date' ? 'timestamptz' : 'numeric';
  const operators = { gte: '>=', gt: '>', lte: '<=', lt: '<' } as const;
  return Object.entries(filter.range)
    .map(
      ([op, bound]) =>
        `(d.body ->> ${path})::${cast} ${operators[op as keyof typeof operators]} ${params.add(bound)}::${cast}`,
    )
    .join(' and ');
}

/** Rows after the cursor in the (sort..., id) order; nulls sort last in both directions. */
function keysetCondition(columns: SortColumn[], after: CursorValue[], params: Parameters): string {
  const placeholders = columns.map((column, i) => {
    const value = after[i];
    if (value !== null && !fitsCast(column.cast, value))
      throw new InvalidSearchQueryError('Malformed cursor: a sort value has the wrong type');
    return value === null ? null : `${params.add(value)}::${column.cast}`;
  });
  const equal = (i: number) =>
    `m.${columns[i].column} ${placeholders[i] === null ? 'is null' : `= ${placeholders[i]}`}`;
  const disjuncts: string[] = [];
  columns.forEach((column, i) => {
    if (placeholders[i] === null) return; // nothing sorts after a null
    const comparison = `m.${column.column} ${column.order === 'asc' ? '>' : '<'} ${placeholders[i]}`;
    const later = column.nullable ? `(${comparison} or m.${column.column} is null)` : comparison;
    disjuncts.push([...columns.slice(0, i).map((_, j) => equal(j)), later].join(' and '));
  });
  return disjuncts.length === 0 ? 'false' : `(${disjuncts.map((d) => `(${d})`).join('\n       or ')})`;
}

function fitsCast(cast: SortColumn['cast'], value: string | number | boolean): boolean {
  switch (cast) {
    case 'float8':
      return typeof value === 'number';
    case 'numeric':
      return typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value));
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string';
  }
}

function facetsExpression(facets: string[]): string {
  if (facets.length === 0) return `'{}'::jsonb`;
  const perField = facets.map(
    (field) => `${fieldPath(field)}, (
      select coalesce(jsonb_agg(jsonb_build_object('value', f.value, 'count', f.count) order by f.count desc, f.value), '[]')
      from (
        select v.value collate "C" as value, count(*) as count
        from sample m, jsonb_array_elements_text(m.keys -> ${fieldPath(field)}) v(value)
        group by 1
        order by 2 desc, 1
        limit ${FACET_SIZE}
      ) f)`,
  );
  return `jsonb_build_object(${perField.join(',\n    ')})`;
}
