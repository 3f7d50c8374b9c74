import type { Client, estypes } from '@elastic/elasticsearch';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertDocumentVersion, prepareBatch } from '../batch.js';
import { aliasName, assertIndexName, physicalIndexName, validateDefinition } from '../definition.js';
import { encodeCursor, normalizeQuery, type CursorValue } from '../query.js';
import { InvalidSearchQueryError, UnknownSearchIndexError } from '../search-errors.js';
import {
  SearchIndex,
  type BulkResult,
  type IndexDefinition,
  type IndexVersion,
  type SearchDocument,
  type SearchQuery,
  type SearchResult,
} from '../search-index.js';
import { buildMapping, buildSearchBody, type StoredDocument } from './elasticsearch-requests.js';

export interface ElasticsearchSearchIndexOptions {
  /** Names every alias and version `<prefix>-<name>[-v<n>]`, so environments can share a cluster. */
  indexPrefix: string;
  /** How many times items refused with 429 (too many requests) are sent again. Default 4. */
  retries?: number;
  /** First wait before a retry; it doubles each time. Default 200 ms. */
  retryDelayMs?: number;
  /** Settings of new versions. Default: one primary shard (consistent scores; fine to tens of GB). */
  settings?: estypes.IndicesIndexSettings;
}

interface LiveVersion {
  physicalName: string;
  definition: IndexDefinition;
  loadedAt: number;
}

/** How long a process trusts its copy of a live definition before reading it again. */
const DEFINITION_TTL_MS = 30_000;

/**
 * The Elasticsearch adapter (the official client). Every write waits for a refresh (`refresh:
 * wait_for`), so a write is searchable when the call returns: read-after-write holds, at the cost of
 * up to one refresh interval (1 s) per bulk.
 */
export class ElasticsearchSearchIndex extends SearchIndex {
  override readonly kind = 'elasticsearch';
  private readonly prefix: string;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly live = new Map<string, LiveVersion>();

  constructor(
    private readonly client: Client,
    private readonly options: ElasticsearchSearchIndexOptions,
  ) {
    super();
    assertIndexName(options.indexPrefix, 'index prefix');
    this.prefix = options.indexPrefix;
    this.retries = options.retries ?? 4;
    this.retryDelayMs = options.retryDelayMs ?? 200;
  }

  override async ensureIndex(definition: IndexDefinition): Promise<void> {
    const checked = validateDefinition(definition);
    const alias = aliasName(this.prefix, checked.name);
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await this.client.indices.existsAlias({ name: alias })) return;
      const next = Math.max(0, ...(await this.versions(alias)).map((v) => v.version)) + 1;
      // Created with its alias in one request: another process sees both or neither.
      if (await this.createPhysical(checked, next, true)) return;
    }
    throw new Error(`Could not create search index "${alias}": its versions keep changing`);
  }

  override async createVersion(definition: IndexDefinition): Promise<IndexVersion> {
    const checked = validateDefinition(definition);
    const alias = aliasName(this.prefix, checked.name);
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = Math.max(0, ...(await this.versions(alias)).map((v) => v.version)) + 1;
      if (await this.createPhysical(checked, version, false)) {
        return { definition: checked, physicalName: physicalIndexName(this.prefix, checked.name, version), version };
      }
    }
    throw new Error(`Could not create a new version of "${alias}": its versions keep changing`);
  }

  override async promote(target: IndexVersion): Promise<void> {
    const alias = aliasName(this.prefix, target.definition.name);
    const versions = await this.versions(alias);
    if (!versions.some((v) => v.name === target.physicalName)) throw new UnknownSearchIndexError(target.physicalName);
    // One _aliases request: the alias moves and the replaced versions go in a single atomic step.
    const actions: estypes.IndicesUpdateAliasesAction[] = [{ add: { index: target.physicalName, alias } }];
    for (const v of versions) {
      if (v.version < target.version) actions.push({ remove_index: { index: v.name } });
      else if (v.hasAlias && v.name !== target.physicalName) actions.push({ remove: { index: v.name, alias } });
    }
    await this.client.indices.updateAliases({ actions });
    this.live.set(alias, { physicalName: target.physicalName, definition: target.definition, loadedAt: Date.now() });
  }

  override upsert(indexName: string, documents: SearchDocument[]): Promise<BulkResult> {
    return this.bulkIndex(this.alias(indexName), indexName, documents, true);
  }

  override async upsertInto(target: IndexVersion, documents: SearchDocument[]): Promise<BulkResult> {
    // A bulk write to a missing index would create it with a guessed mapping.
    if (!(await this.client.indices.exists({ index: target.physicalName })))
      throw new UnknownSearchIndexError(target.physicalName);
    return this.bulkIndex(target.physicalName, target.physicalName, documents, false);
  }

  override async delete(indexName: string, id: string, version: number): Promise<void> {
    assertDocumentVersion(version);
    // external_gte: deletes when the stored version is not newer; the tombstone keeps the version, so a
    // late older upsert is refused (for index.gc_deletes, 60 s by default).
    const operations = [{ delete: { _id: id, version, version_type: 'external_gte' as const } }];
    for (let attempt = 0; ; attempt++) {
      const [item] = (await this.bulkRequest(this.alias(indexName), operations, true)).items;
      const outcome = item.delete!;
      if (outcome.error?.type === 'index_not_found_exception') throw new UnknownSearchIndexError(indexName);
      // 404: nothing to delete; 409: the index holds a newer version.
      if ((outcome.status >= 200 && outcome.status < 300) || outcome.status === 404 || outcome.status === 409) return;
      if (outcome.status !== 429 || attempt >= this.retries) {
        throw new Error(`Deleting ${id} from search index "${indexName}" failed: ${describe(outcome)}`);
      }
      await this.backOff(attempt);
    }
  }

  override async search<T = Record<string, unknown>>(indexName: string, search: SearchQuery): Promise<SearchResult<T>> {
    const alias = this.alias(indexName);
    const live = await this.liveVersion(alias, indexName);
    const query = normalizeQuery(live.definition, search);
    let response: estypes.SearchResponse<StoredDocument>;
    try {
      response = await this.client.search<StoredDocument>({ index: alias, ...buildSearchBody(live.definition, query) });
    } catch (error) {
      if (errorType(error) === 'index_not_found_exception') throw new UnknownSearchIndexError(indexName);
      if (search.cursor !== undefined && statusOf(error) === 400)
        throw new InvalidSearchQueryError('Malformed cursor: refused by the index');
      throw error;
    }
    const hits = response.hits.hits;
    // Another process promoted a version since the definition was read: read it again next time.
    if (hits.some((hit) => hit._index !== live.physicalName)) this.live.delete(alias);

    let nextCursor: string | undefined;
    if (hits.length > query.limit && query.limit > 0) {
      nextCursor = encodeCursor(query.sort, hits[query.limit - 1].sort as CursorValue[]);
    }
    const aggregations = (response.aggregations ?? {}) as Record<string, estypes.AggregationsStringTermsAggregate>;
    const facets = Object.fromEntries(
      query.facets.map((field) => [
        field,
        (aggregations[field]?.buckets as estypes.AggregationsStringTermsBucket[] | undefined)?.map((bucket) => ({
          value: String((bucket as { key_as_string?: string }).key_as_string ?? bucket.key),
          count: bucket.doc_count,
        })) ?? [],
      ]),
    );
    const total = response.hits.total;
    return {
      hits: hits
        .slice(0, query.limit)
        .map((hit) => ({ id: hit._id!, score: hit._score ?? null, document: hit._source!.doc as T })),
      total: typeof total === 'number' ? total : (total?.value ?? 0),
      totalRelation: typeof total === 'object' && total.relation === 'gte' ? 'gte' : 'eq',
      facets,
      // terms aggregations count every match whatever track_total_hits says.
      facetsExhaustive: true,
      nextCursor,
    };
  }

  override async count(indexName: string): Promise<number> {
    try {
      return (await this.client.count({ index: this.alias(indexName) })).count;
    } catch (error) {
      if (errorType(error) === 'index_not_found_exception') throw new UnknownSearchIndexError(indexName);
      throw error;
    }
  }

  override async ping(): Promise<void> {
    if (!(await this.client.ping())) throw new Error('Elasticsearch did not answer the ping');
  }

  private alias(indexName: string): string {
    assertIndexName(indexName);
    return aliasName(this.prefix, indexName);
  }

  /** Physical versions `<alias>-v<n>` and whether each holds the alias. */
  private async versions(alias: string): Promise<{ name: string; version: number; hasAlias: boolean }[]> {
    const pattern = new RegExp(`^${alias}-v(\\d+)$`); // alias: [a-z0-9-] only
    const resolved = await this.client.indices.resolveIndex({ name: `${alias}-v*`, expand_wildcards: 'all' });
    return resolved.indices.flatMap((index) => {
      const match = pattern.exec(index.name); // the wildcard also matches `<alias>-vip-v1`
      return match
        ? [{ name: index.name, version: Number(match[1]), hasAlias: (index.aliases ?? []).includes(alias) }]
        : [];
    });
  }

  /** Creates `<prefix>-<name>-v<version>`; false when it already exists (another process won the race). */
  private async createPhysical(definition: IndexDefinition, version: number, withAlias: boolean): Promise<boolean> {
    const alias = aliasName(this.prefix, definition.name);
    try {
      await this.client.indices.create({
        index: physicalIndexName(this.prefix, definition.name, version),
        settings: { number_of_shards: 1, ...this.options.settings },
        mappings: buildMapping(definition),
        ...(withAlias ? { aliases: { [alias]: {} } } : {}),
      });
      return true;
    } catch (error) {
      if (errorType(error) === 'resource_already_exists_exception') return false;
      throw error;
    }
  }

  private async liveVersion(alias: string, indexName: string): Promise<LiveVersion> {
    const cached = this.live.get(alias);
    if (cached && Date.now() - cached.loadedAt < DEFINITION_TTL_MS) return cached;
    let mappings: estypes.IndicesGetMappingResponse;
    try {
      mappings = await this.client.indices.getMapping({ index: alias });
    } catch (error) {
      if (errorType(error) === 'index_not_found_exception') throw new UnknownSearchIndexError(indexName);
      throw error;
    }
    const [physicalName, { mappings: mapping }] = Object.entries(mappings)[0];
    const definition = mapping._meta?.definition as IndexDefinition | undefined;
    if (!definition)
      throw new Error(`Search index ${physicalName} was not created by this adapter (no definition in _meta)`);
    const live = { physicalName, definition, loadedAt: Date.now() };
    this.live.set(alias, live);
    return live;
  }

  /** Indexes with external versions; reads every item's outcome (a bulk answers 200 even when items fail). */
  private async bulkIndex(
    target: string,
    name: string,
    documents: SearchDocument[],
    throughAlias: boolean,
  ): Promise<BulkResult> {
    const { documents: batch, result } = prepareBatch(documents);
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const operations = pending.flatMap((document) => [
        { index: { _id: document.id, version: document.version, version_type: 'external' as const } },
        { id: document.id, doc: document.body } satisfies StoredDocument,
      ]);
      const { items } = await this.bulkRequest(target, operations, throughAlias);
      const refused: SearchDocument[] = [];
      items.forEach((item, i) => {
        const outcome = item.index!;
        if (outcome.error?.type === 'index_not_found_exception') throw new UnknownSearchIndexError(name);
        if (outcome.status >= 200 && outcome.status < 300) result.written++;
        else if (outcome.status === 409)
          result.stale++; // version_conflict: the index holds this version or a newer one
        else if (outcome.status === 429) refused.push(pending[i]);
        else result.failed.push({ id: pending[i].id, reason: describe(outcome) });
      });
      if (refused.length > 0 && attempt >= this.retries) {
        for (const document of refused) {
          result.failed.push({
            id: document.id,
            reason: `refused with 429 (too many requests) after ${attempt + 1} attempts`,
          });
        }
        break;
      }
      if (refused.length > 0) await this.backOff(attempt);
      pending = refused;
    }
    return result;
  }

  /** One _bulk request; a whole request refused with 429 is retried like refused items. */
  private async bulkRequest(
    target: string,
    operations: estypes.BulkRequest['operations'],
    throughAlias: boolean,
  ): Promise<estypes.BulkResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.bulk({
          index: target,
          operations,
          refresh: 'wait_for',
          // Through an alias, refuse to auto-create a concrete index named like it.
          ...(throughAlias ? { require_alias: true } : {}),
        });
      } catch (error) {
        if (statusOf(error) !== 429 || attempt >= this.retries) throw error;
        await this.backOff(attempt);
      }
    }
  }

  private backOff(attempt: number): Promise<void> {
    const delay = this.retryDelayMs * 2 ** attempt;
    return sleep(delay / 2 + Math.random() * (delay / 2));
  }
}

function describe(outcome: estypes.BulkResponseItem): string {
  return outcome.error ? `${outcome.error.type}: ${outcome.error.reason ?? ''}`.trim() : `status ${outcome.status}`;
}

// Duck-typed: the client's ESM and CommonJS builds have different error classes (dual-package hazard).
function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } } | undefined)?.meta?.statusCode;
}

function errorType(error: unknown): string | undefined {
  return (error as { meta?: { body?: { error?: { type?: string } } } } | undefined)?.meta?.body?.error?.type;
}
