import type pg from 'pg';
import { assertDocumentVersion, prepareBatch } from '../batch.js';
import { aliasName, assertIndexName, physicalIndexName, validateDefinition } from '../definition.js';
import { UnknownSearchIndexError } from '../search-errors.js';
import {
  SearchIndex,
  type BulkResult,
  type IndexDefinition,
  type IndexVersion,
  type SearchDocument,
  type SearchQuery,
  type SearchResult,
} from '../search-index.js';
import { buildSearchStatement, readSearchRows, type SearchRow } from './search-statement.js';

export interface PostgresSearchIndexOptions {
  /** Names every alias and version `<prefix>-<name>[-v<n>]`, so environments can share a database. */
  indexPrefix: string;
}

/** Which physical versions a write goes to: all versions of an alias, or exactly one. */
type WriteTarget = { alias: string } | { physicalName: string };

/** Class ids of the two-key advisory locks taken while an alias changes shape. */
const LOCK_CLASS = 'platform.search';

/**
 * The PostgreSQL adapter: tables in the `search` schema (see Migration20261122000100_platform_search).
 * Full text on a weighted tsvector, typos through a trigram-indexed word list, prefixes through `:*` terms.
 */
export class PostgresSearchIndex extends SearchIndex {
  override readonly kind = 'postgres';
  private readonly prefix: string;
  /** alias → live version; checked on every search (the statement reports the live version). */
  private readonly live = new Map<string, IndexVersion>();

  constructor(
    private readonly pool: pg.Pool,
    options: PostgresSearchIndexOptions,
  ) {
    super();
    assertIndexName(options.indexPrefix, 'index prefix');
    this.prefix = options.indexPrefix;
  }

  override async ensureIndex(definition: IndexDefinition): Promise<void> {
    const checked = validateDefinition(definition);
    const alias = aliasName(this.prefix, checked.name);
    await this.transaction(alias, async (client) => {
      const { rowCount } = await client.query('select 1 from search.aliases where alias = $1', [alias]);
      if (rowCount) return;
      const version = await this.insertVersion(client, alias, checked);
      await client.query('insert into search.aliases (alias, physical_name) values ($1, $2)', [
        alias,
        version.physicalName,
      ]);
    });
  }

  override async createVersion(definition: IndexDefinition): Promise<IndexVersion> {
    const checked = validateDefinition(definition);
    const alias = aliasName(this.prefix, checked.name);
    return this.transaction(alias, (client) => this.insertVersion(client, alias, checked));
  }

  override async promote(target: IndexVersion): Promise<void> {
    const alias = aliasName(this.prefix, target.definition.name);
    const live = await this.transaction(alias, async (client): Promise<IndexVersion> => {
      const { rows } = await client.query<{ version: number; definition: IndexDefinition }>(
        'select version, definition from search.indices where physical_name = $1 and alias = $2',
        [target.physicalName, alias],
      );
      if (rows.length === 0) throw new UnknownSearchIndexError(target.physicalName);
      await client.query(
        `insert into search.aliases (alias, physical_name) values ($1, $2)
         on conflict (alias) do update set physical_name = excluded.physical_name, updated_at = now()`,
        [alias, target.physicalName],
      );
      // Every lower version's name, not just the listed ones: also clears rows a write raced into a
      // version while an earlier promote dropped it.
      const replaced = Array.from({ length: rows[0].version - 1 }, (_, i) =>
        physicalIndexName(this.prefix, target.definition.name, i + 1),
      );
      await client.query('delete from search.documents where index_name = any($1::text[])', [replaced]);
      await client.query('delete from search.words where index_name = any($1::text[])', [replaced]);
      await client.query('delete from search.indices where alias = $1 and version < $2', [alias, rows[0].version]);
      return { physicalName: target.physicalName, version: rows[0].version, definition: rows[0].definition };
    });
    this.live.set(alias, live);
    // A rebuilt version's rows are new to the planner: without statistics it can prefer the primary
    // key to the GIN indexes (a sequential read of the whole version).
    await this.pool.query('analyze search.documents, search.words');
  }

  override upsert(indexName: string, documents: SearchDocument[]): Promise<BulkResult> {
    return this.write({ alias: this.alias(indexName) }, documents, indexName);
  }

  override upsertInto(target: IndexVersion, documents: SearchDocument[]): Promise<BulkResult> {
    return this.write({ physicalName: target.physicalName }, documents, target.physicalName);
  }

  override async delete(indexName: string, id: string, version: number): Promise<void> {
    const alias = this.alias(indexName);
    assertDocumentVersion(version);
    // A tombstone keeps the version, so a late upsert of an older version cannot bring the document back.
    const { rows } = await this.pool.query<{ targets: number }>(
      `with targets as (${ALIAS_TARGETS}),
       deleted as (
         insert into search.documents as stored (index_name, id, version, body)
         select t.physical_name, $2, $3, null from targets t
         on conflict (index_name, id) do update
           set version = excluded.version, body = null, vector = null, suggest = null, keys = null, window_key = null,
               updated_at = now()
           where stored.version <= excluded.version
       )
       select count(*)::int as targets from targets`,
      [alias, id, version],
    );
    if (rows[0].targets === 0) throw new UnknownSearchIndexError(indexName);
  }

  override async search<T = Record<string, unknown>>(indexName: string, query: SearchQuery): Promise<SearchResult<T>> {
    const alias = this.alias(indexName);
    for (let attempt = 0; ; attempt++) {
      const live = await this.liveVersion(alias, indexName, attempt > 0);
      const statement = buildSearchStatement(live, query);
      const { rows } = await this.pool.query<SearchRow>({ text: statement.text, values: statement.values });
      if (rows[0].live_physical_name === live.physicalName) return readSearchRows<T>(rows, statement.query);
      // Another process promoted a new version since this one cached the alias: read it again.
      this.live.delete(alias);
      if (attempt >= 2) throw new Error(`Search index "${indexName}" keeps moving to new versions; try again`);
    }
  }

  override async count(indexName: string): Promise<number> {
    const { rows } = await this.pool.query<{ live: string | null; count: number }>(
      `select a.physical_name as live,
              (select count(*)::int from search.documents d where d.index_name = a.physical_name and d.body is not null) as count
       from (select $1::text as alias) requested
       left join search.aliases a on a.alias = requested.alias`,
      [this.alias(indexName)],
    );
    if (rows[0].live === null) throw new UnknownSearchIndexError(indexName);
    return rows[0].count;
  }

  override async ping(): Promise<void> {
    await this.pool.query('select 1');
  }

  private alias(indexName: string): string {
    assertIndexName(indexName);
    return aliasName(this.prefix, indexName);
  }

  private async liveVersion(alias: string, indexName: string, reload: boolean): Promise<IndexVersion> {
    const cached = this.live.get(alias);
    if (cached && !reload) return cached;
    const { rows } = await this.pool.query<{ physical_name: string; version: number; definition: IndexDefinition }>(
      `select i.physical_name, i.version, i.definition
       from search.aliases a join search.indices i on i.physical_name = a.physical_name
       where a.alias = $1`,
      [alias],
    );
    if (rows.length === 0) throw new UnknownSearchIndexError(indexName);
    const live = { physicalName: rows[0].physical_name, version: rows[0].version, definition: rows[0].definition };
    this.live.set(alias, live);
    return live;
  }

  private async write(target: WriteTarget, documents: SearchDocument[], name: string): Promise<BulkResult> {
    // One statement cannot update a row twice: repeated ids are reduced to their highest version first.
    const { documents: latest, result } = prepareBatch(documents);
    if (latest.length === 0) return result;

    const targets = 'alias' in target ? ALIAS_TARGETS : VERSION_TARGET;
    const { rows } = await this.pool.query<{ id: string; problem: string | null; written: boolean }>(
      `with incoming as (
         select * from jsonb_to_recordset($2::jsonb) as t(id text, version bigint, body jsonb)
       ),
       targets as (${targets}),
       checked as (
         select t.physical_name, t.live, t.fields, t.window_order, d.id, d.version, d.body,
                search.document_problem(t.fields, d.body) as problem
         from incoming d cross join targets t
       ),
       written as (
         insert into search.documents as stored (index_name, id, version, body, vector, suggest, keys, window_key)
         select c.physical_name, c.id, c.version, c.body,
                search.document_vector(c.fields, c.body, false), search.document_vector(c.fields, c.body, true),
                search.document_keys(c.fields, c.body), search.document_window_key(c.window_order, c.body)
         from checked c
         where c.problem is null
         order by c.physical_name, c.id -- one lock order for every writer: overlapping batches cannot deadlock
         on conflict (index_name, id) do update
           set version = excluded.version, body = excluded.body, vector = excluded.vector, suggest = excluded.suggest,
               keys = excluded.keys, window_key = excluded.window_key, updated_at = now()
           where stored.version < excluded.version
         returning stored.index_name, stored.id, stored.vector
       ),
       lexicon as (
         insert into search.words (index_name, word)
         select distinct w.index_name, word from written w, unnest(tsvector_to_array(w.vector)) word
         order by 1, 2
         on conflict do nothing
       )
       -- Outcomes are reported for the live version; versions being built get the same writes.
       select c.id, c.problem, w.id is not null as written
       from checked c
       left join written w on w.index_name = c.physical_name and w.id = c.id
       where c.live`,
      ['alias' in target ? target.alias : target.physicalName, JSON.stringify(latest.map(toRow))],
    );
    if (rows.length === 0) throw new UnknownSearchIndexError(name);
    for (const row of rows) {
      if (row.problem !== null) result.failed.push({ id: row.id, reason: row.problem });
      else if (row.written) result.written++;
      else result.stale++;
    }
    return result;
  }

  private async insertVersion(
    client: pg.PoolClient,
    alias: string,
    definition: IndexDefinition,
  ): Promise<IndexVersion> {
    const { rows } = await client.query<{ next: number }>(
      'select coalesce(max(version), 0) + 1 as next from search.indices where alias = $1',
      [alias],
    );
    const version = rows[0].next;
    const physicalName = physicalIndexName(this.prefix, definition.name, version);
    await client.query(
      'insert into search.indices (physical_name, alias, version, definition) values ($1, $2, $3, $4)',
      [physicalName, alias, version, definition],
    );
    return { definition, physicalName, version };
  }

  /** Runs `work` in a transaction holding the alias's advisory lock: concurrent processes take turns. */
  private async transaction<T>(alias: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(hashtext($1), hashtext($2))', [LOCK_CLASS, alias]);
      const result = await work(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/**
 * The live version of alias `$1` and every newer version being built next to it: a write through the
 * alias reaches the rebuild too, so nothing written during a rebuild is lost when it is promoted.
 */
const ALIAS_TARGETS = `
  select i.physical_name, i.definition -> 'fields' as fields, i.definition -> 'windowOrder' as window_order,
         i.physical_name = a.physical_name as live
  from search.aliases a
  join search.indices l on l.physical_name = a.physical_name
  join search.indices i on i.alias = a.alias and i.version >= l.version
  where a.alias = $1`;

const VERSION_TARGET = `
  select i.physical_name, i.definition -> 'fields' as fields, i.definition -> 'windowOrder' as window_order, true as live
  from search.indices i
  where i.physical_name = $1`;

function toRow(document: SearchDocument): { id: string; version: number; body: unknown } {
  return { id: document.id, version: document.version, body: document.body };
}
