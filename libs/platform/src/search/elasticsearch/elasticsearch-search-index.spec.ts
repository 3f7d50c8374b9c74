import type { MockPattern } from '@elastic/elasticsearch-mock';
import { createRequire } from 'node:module';
import { encodeCursor, normalizeQuery } from '../query.js';
import { peopleDefinition } from '../search-index.contract.js';
import { UnknownSearchIndexError } from '../search-errors.js';
import type { SearchDocument } from '../search-index.js';
import { buildSearchBody } from './elasticsearch-requests.js';
import { ElasticsearchSearchIndex } from './elasticsearch-search-index.js';

// The CommonJS builds for both: the mock extends the CommonJS client's classes (dual-package hazard).
const require = createRequire(import.meta.url);
const { Client, errors } = require('@elastic/elasticsearch') as typeof import('@elastic/elasticsearch');
const Mock = require('@elastic/elasticsearch-mock') as typeof import('@elastic/elasticsearch-mock').default;

type Outcome = { status: number; error?: { type: string; reason: string } };

const conflict: Outcome = {
  status: 409,
  error: {
    type: 'version_conflict_engine_exception',
    reason: 'version conflict, current version [2] is higher or equal to the one provided [1]',
  },
};
const tooMany: Outcome = {
  status: 429,
  error: { type: 'es_rejected_execution_exception', reason: 'rejected execution of coordinating operation' },
};
const unparsable: Outcome = {
  status: 400,
  error: { type: 'document_parsing_exception', reason: 'failed to parse field [doc.followers] of type [long]' },
};

function bulkResponse(outcomes: Outcome[], action = 'index') {
  return {
    took: 1,
    errors: outcomes.some((o) => o.status >= 300),
    items: outcomes.map((o, i) => ({ [action]: { _index: 'x', _id: `${i}`, ...o } })),
  };
}

function responseError(statusCode: number, type: string) {
  return new errors.ResponseError({
    body: { error: { type, reason: type }, status: statusCode },
    statusCode,
    warnings: null,
    meta: {} as never,
  });
}

const doc = (id: string, version = 1): SearchDocument => ({
  id,
  version,
  body: { handle: id, displayName: `Person ${id}`, followers: 1 },
});

/** Ids of the documents in a captured _bulk body (action lines, then sources). */
const bulkIds = (request: MockPattern) =>
  (request.body as Record<string, { _id: string }>[])
    .filter((_, i) => i % 2 === 0)
    .map((line) => Object.values(line)[0]._id);

describe('ElasticsearchSearchIndex (against a mocked cluster)', () => {
  let mock: InstanceType<typeof Mock>;
  let search: ElasticsearchSearchIndex;
  let requests: MockPattern[];

  beforeEach(() => {
    mock = new Mock();
    requests = [];
    // The mock's declarations name the CommonJS transport types; the client's name the ESM ones.
    const client = new Client({
      node: 'http://localhost:9200',
      Connection: mock.getConnection() as never,
      maxRetries: 0,
    });
    search = new ElasticsearchSearchIndex(client, { indexPrefix: 't', retries: 2, retryDelayMs: 1 });
  });

  /** Answers a route with the given responses in turn (the last one repeats) and records the requests. */
  const answer = (method: string, path: string, ...responses: unknown[]) => {
    let call = 0;
    mock.add({ method, path }, (params) => {
      requests.push(params);
      return responses[Math.min(call++, responses.length - 1)] as Record<string, unknown>;
    });
  };

  describe('bulk writes', () => {
    it('reads every item: written, stale on a version conflict, failed with the reason (the request itself answers 200)', async () => {
      answer('POST', '/:index/_bulk', bulkResponse([{ status: 201 }, conflict, unparsable]));

      const result = await search.upsert('people', [doc('a'), doc('b'), doc('c')]);

      expect(result).toEqual({
        written: 1,
        stale: 1,
        failed: [
          { id: 'c', reason: 'document_parsing_exception: failed to parse field [doc.followers] of type [long]' },
        ],
      });
      expect(requests[0]).toMatchObject({
        method: 'POST',
        path: '/t-people/_bulk',
        querystring: { refresh: 'wait_for', require_alias: 'true' },
      });
      expect(requests[0].body).toEqual([
        { index: { _id: 'a', version: 1, version_type: 'external' } },
        { id: 'a', doc: doc('a').body },
        { index: { _id: 'b', version: 1, version_type: 'external' } },
        { id: 'b', doc: doc('b').body },
        { index: { _id: 'c', version: 1, version_type: 'external' } },
        { id: 'c', doc: doc('c').body },
      ]);
    });

    it('sends again only the items refused with 429, until they are written', async () => {
      answer(
        'POST',
        '/:index/_bulk',
        bulkResponse([{ status: 201 }, tooMany, tooMany]),
        bulkResponse([{ status: 200 }, { status: 201 }]),
      );

      expect(await search.upsert('people', [doc('a'), doc('b'), doc('c')])).toEqual({
        written: 3,
        stale: 0,
        failed: [],
      });
      expect(requests.map(bulkIds)).toEqual([
        ['a', 'b', 'c'],
        ['b', 'c'],
      ]);
    });

    it('reports items still refused after the retries as failed', async () => {
      answer('POST', '/:index/_bulk', bulkResponse([{ status: 201 }, tooMany]), bulkResponse([tooMany]));

      const result = await search.upsert('people', [doc('a'), doc('b')]);

      expect(result.written).toBe(1);
      expect(result.failed).toEqual([{ id: 'b', reason: expect.stringContaining('429') }]);
      expect(requests.map(bulkIds)).toEqual([['a', 'b'], ['b'], ['b']]); // retries: 2
    });

    it('retries a whole request refused with 429', async () => {
      answer(
        'POST',
        '/:index/_bulk',
        responseError(429, 'es_rejected_execution_exception'),
        bulkResponse([{ status: 201 }]),
      );

      expect(await search.upsert('people', [doc('a')])).toEqual({ written: 1, stale: 0, failed: [] });
      expect(requests).toHaveLength(2);
    });

    it('writes only the highest version of an id repeated in the batch', async () => {
      answer('POST', '/:index/_bulk', bulkResponse([{ status: 201 }]));

      expect(await search.upsert('people', [doc('a', 1), doc('a', 3), doc('a', 2)])).toEqual({
        written: 1,
        stale: 2,
        failed: [],
      });
      expect((requests[0].body as Record<string, { version: number }>[])[0].index.version).toBe(3);
    });

    it('refuses a write through a missing alias instead of creating an index', async () => {
      answer(
        'POST',
        '/:index/_bulk',
        bulkResponse([
          {
            status: 404,
            error: {
              type: 'index_not_found_exception',
              reason: 'no such index [t-ghost] and [require_alias] request flag is [true]',
            },
          },
        ]),
      );

      await expect(search.upsert('ghost', [doc('a')])).rejects.toBeInstanceOf(UnknownSearchIndexError);
    });

    it('refuses to write into a version that no longer exists, without sending the documents', async () => {
      answer('HEAD', '/:index', responseError(404, 'index_not_found_exception'));
      answer('POST', '/:index/_bulk', bulkResponse([{ status: 201 }]));

      const dropped = { definition: peopleDefinition('people'), physicalName: 't-people-v1', version: 1 };
      await expect(search.upsertInto(dropped, [doc('a')])).rejects.toBeInstanceOf(UnknownSearchIndexError);
      expect(requests.map((r) => r.method)).toEqual(['HEAD']);
    });

    it('deletes with external_gte and treats a newer stored version as done', async () => {
      answer('POST', '/:index/_bulk', bulkResponse([conflict], 'delete'));

      await search.delete('people', 'a', 4);
      expect(requests[0].body).toEqual([{ delete: { _id: 'a', version: 4, version_type: 'external_gte' } }]);
    });
  });

  describe('index versions', () => {
    it('ensureIndex creates version 1 with its alias and a mapping built from the definition', async () => {
      answer('HEAD', '/_alias/:name', responseError(404, 'aliases_not_found_exception'));
      answer('GET', '/_resolve/index/:name', { indices: [], aliases: [], data_streams: [] });
      answer('PUT', '/:index', { acknowledged: true, index: 't-people-v1' });

      await search.ensureIndex(peopleDefinition('people'));

      const create = requests.find((r) => r.method === 'PUT')!;
      expect(create.path).toBe('/t-people-v1');
      expect(create.body).toMatchObject({
        aliases: { 't-people': {} },
        settings: { number_of_shards: 1 },
        mappings: {
          dynamic: 'strict',
          _meta: { definition: peopleDefinition('people') },
          properties: {
            id: { type: 'keyword' },
            doc: {
              dynamic: false,
              properties: {
                handle: { type: 'search_as_you_type' },
                displayName: { type: 'search_as_you_type' },
                bio: { type: 'text' },
                role: { type: 'keyword' },
                followers: { type: 'long', coerce: false },
                createdAt: { type: 'date' },
                verified: { type: 'boolean' },
              },
            },
          },
        },
      });
    });

    it('ensureIndex loses a creation race gracefully: the other process created it', async () => {
      answer('HEAD', '/_alias/:name', responseError(404, 'aliases_not_found_exception'), '');
      answer('GET', '/_resolve/index/:name', { indices: [], aliases: [], data_streams: [] });
      answer('PUT', '/:index', responseError(400, 'resource_already_exists_exception'));

      await search.ensureIndex(peopleDefinition('people'));
      expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    });

    it('createVersion makes the version after the highest one, ignoring look-alike index names', async () => {
      answer('GET', '/_resolve/index/:name', {
        indices: [
          { name: 't-people-v1', aliases: ['t-people'], attributes: ['open'] },
          { name: 't-people-v3', attributes: ['open'] },
          { name: 't-people-vip-v9', aliases: ['t-people-vip'], attributes: ['open'] },
        ],
        aliases: [],
        data_streams: [],
      });
      answer('PUT', '/:index', { acknowledged: true });

      const next = await search.createVersion(peopleDefinition('people'));

      expect(next).toMatchObject({ physicalName: 't-people-v4', version: 4 });
      expect(requests.find((r) => r.method === 'PUT')!.body).not.toHaveProperty('aliases');
    });

    it('promote moves the alias and drops older versions in one atomic _aliases request', async () => {
      answer('GET', '/_resolve/index/:name', {
        indices: [
          { name: 't-people-v1', aliases: ['t-people'], attributes: ['open'] },
          { name: 't-people-v2', attributes: ['open'] },
          { name: 't-people-v3', attributes: ['open'] },
        ],
        aliases: [],
        data_streams: [],
      });
      answer('POST', '/_aliases', { acknowledged: true });

      await search.promote({ definition: peopleDefinition('people'), physicalName: 't-people-v2', version: 2 });

      const swap = requests.filter((r) => r.path === '/_aliases');
      expect(swap).toHaveLength(1);
      expect(swap[0].body).toEqual({
        actions: [{ add: { index: 't-people-v2', alias: 't-people' } }, { remove_index: { index: 't-people-v1' } }],
      });
    });

    it('promote refuses a version that does not exist', async () => {
      answer('GET', '/_resolve/index/:name', {
        indices: [{ name: 't-people-v1', aliases: ['t-people'] }],
        aliases: [],
        data_streams: [],
      });
      answer('POST', '/_aliases', { acknowledged: true });

      await expect(
        search.promote({ definition: peopleDefinition('people'), physicalName: 't-people-v7', version: 7 }),
      ).rejects.toBeInstanceOf(UnknownSearchIndexError);
      expect(requests.some((r) => r.path === '/_aliases')).toBe(false);
    });
  });

  describe('search', () => {
    const definition = peopleDefinition('people');

    it('builds a fuzzy, weighted full-text query with filters, facets, sort and id tie-break', () => {
      const body = buildSearchBody(
        definition,
        normalizeQuery(definition, {
          text: 'alise',
          filters: { role: ['creator', 'admin'], followers: { gte: 100 }, verified: true },
          facets: ['role'],
          limit: 10,
        }),
      );
      expect(body).toEqual({
        query: {
          bool: {
            must: [
              {
                bool: {
                  should: [
                    {
                      multi_match: {
                        query: 'alise',
                        type: 'best_fields',
                        operator: 'or',
                        fuzziness: 'AUTO',
                        fields: ['doc.handle^4', 'doc.displayName^3', 'doc.bio^1'],
                      },
                    },
                    {
                      multi_match: {
                        query: 'alise',
                        type: 'bool_prefix',
                        fields: ['doc.handle^4', 'doc.displayName^3', 'doc.bio^1'],
                        boost: 0.1,
                      },
                    },
                  ],
                  minimum_should_match: 1,
                },
              },
            ],
            filter: [
              { terms: { 'doc.role': ['creator', 'admin'] } },
              { range: { 'doc.followers': { gte: 100 } } },
              { term: { 'doc.verified': true } },
            ],
          },
        },
        sort: [{ _score: { order: 'desc' } }, { id: { order: 'asc' } }],
        size: 11,
        track_total_hits: 1000,
        track_scores: true,
        _source: ['doc'],
        aggs: { role: { terms: { field: 'doc.role', size: 20 } } },
      });
    });

    it('lets the last word of a full-text query match as a prefix too, boosted below whole words', () => {
      const body = buildSearchBody(definition, normalizeQuery(definition, { text: 'johnny ca', limit: 5 }));
      const [textQuery] = body.query!.bool!.must as { bool: { should: { multi_match: Record<string, unknown> }[] } }[];
      expect(textQuery.bool.should.map((clause) => clause.multi_match)).toEqual([
        expect.objectContaining({ query: 'johnny ca', type: 'best_fields', fuzziness: 'AUTO' }),
        { query: 'ca', type: 'bool_prefix', fields: ['doc.handle^4', 'doc.displayName^3', 'doc.bio^1'], boost: 0.1 },
      ]);
    });

    it('builds a bool_prefix autocomplete query over the search_as_you_type subfields', () => {
      const body = buildSearchBody(
        definition,
        normalizeQuery(definition, { text: 'alice sm', mode: 'autocomplete', limit: 5 }),
      );
      expect(body.query!.bool!.must).toEqual([
        {
          multi_match: {
            query: 'alice sm',
            type: 'bool_prefix',
            operator: 'and',
            fields: [
              'doc.handle^4',
              'doc.handle._2gram^4',
              'doc.handle._3gram^4',
              'doc.displayName^3',
              'doc.displayName._2gram^3',
              'doc.displayName._3gram^3',
            ],
          },
        },
      ]);
    });

    it('sorts missing values last with sentinels JavaScript can hold, in both directions', () => {
      const body = (sort: { field: string; order: 'asc' | 'desc' }[]) =>
        buildSearchBody(definition, normalizeQuery(definition, { sort, limit: 3 }));
      expect(body([{ field: 'createdAt', order: 'asc' }]).sort).toEqual([
        { 'doc.createdAt': { order: 'asc', missing: 8_640_000_000_000_000 } },
        { id: { order: 'asc' } },
      ]);
      expect(body([{ field: 'followers', order: 'desc' }]).sort).toEqual([
        { 'doc.followers': { order: 'desc', missing: -Number.MAX_SAFE_INTEGER } },
        { id: { order: 'asc' } },
      ]);
      const keyword = {
        ...definition,
        fields: { ...definition.fields, role: { type: 'keyword' as const, sortable: true } },
      };
      expect(
        buildSearchBody(keyword, normalizeQuery(keyword, { sort: [{ field: 'role', order: 'asc' }], limit: 3 })).sort,
      ).toEqual([{ 'doc.role': { order: 'asc', missing: '_last' } }, { id: { order: 'asc' } }]);
    });

    it('sends a cursor value beyond JavaScript precision back as an exact long', () => {
      const sort = [{ field: 'followers', order: 'asc' as const }];
      // What JSON.parse makes of a Long.MAX_VALUE sort value.
      const cursor = encodeCursor(
        [{ field: 'followers', order: 'asc', type: 'integer' }],
        [Number('9223372036854775807'), 'p09'],
      );
      const body = buildSearchBody(definition, normalizeQuery(definition, { sort, limit: 3, cursor }));
      expect(body.search_after).toEqual(['9223372036854775807', 'p09']);
      expect(body.track_scores).toBe(false);
    });

    it('reads hits, total and facets, and pages with the last hit sort values', async () => {
      answer('GET', '/:index/_mapping', { 't-people-v1': { mappings: { _meta: { definition } } } });
      const hit = (id: string, sort: unknown[]) => ({
        _index: 't-people-v1',
        _id: id,
        _score: null,
        _source: { id, doc: { handle: id } },
        sort,
      });
      answer('POST', '/:index/_search', {
        hits: {
          total: { value: 42, relation: 'eq' },
          hits: [hit('p08', [9000, 'p08']), hit('p02', [5000, 'p02']), hit('p01', [1200, 'p01'])],
        },
        aggregations: {
          role: {
            buckets: [
              { key: 'creator', doc_count: 30 },
              { key: 'admin', doc_count: 12 },
            ],
          },
          verified: { buckets: [{ key: 1, key_as_string: 'true', doc_count: 2 }] },
        },
      });

      const query = { sort: [{ field: 'followers', order: 'desc' as const }], facets: ['role', 'verified'], limit: 2 };
      const first = await search.search('people', query);

      expect(first).toEqual({
        hits: [
          { id: 'p08', score: null, document: { handle: 'p08' } },
          { id: 'p02', score: null, document: { handle: 'p02' } },
        ],
        total: 42,
        totalRelation: 'eq',
        facetsExhaustive: true,
        facets: {
          role: [
            { value: 'creator', count: 30 },
            { value: 'admin', count: 12 },
          ],
          verified: [{ value: 'true', count: 2 }],
        },
        nextCursor: expect.any(String),
      });
      expect(requests.at(-1)!.body).toMatchObject({
        size: 3,
        sort: [{ 'doc.followers': { order: 'desc' } }, { id: { order: 'asc' } }],
      });

      await search.search('people', { ...query, cursor: first.nextCursor });
      expect(requests.at(-1)!.body).toMatchObject({ search_after: [5000, 'p02'] });
      expect(requests.filter((r) => String(r.path).endsWith('/_mapping'))).toHaveLength(1); // the definition is cached
    });

    it('counts the total up to trackTotalUpTo and reports a lower bound beyond it', async () => {
      answer('GET', '/:index/_mapping', { 't-people-v1': { mappings: { _meta: { definition } } } });
      answer('POST', '/:index/_search', { hits: { total: { value: 5, relation: 'gte' }, hits: [] } });
      const result = await search.search('people', { text: 'alice', trackTotalUpTo: 5, limit: 1 });
      expect(result).toMatchObject({ total: 5, totalRelation: 'gte', facetsExhaustive: true });
      expect(requests.at(-1)!.body).toMatchObject({ track_total_hits: 5 });
    });

    it('reports an unknown index', async () => {
      answer('GET', '/:index/_mapping', responseError(404, 'index_not_found_exception'));
      await expect(search.search('ghost', { limit: 1 })).rejects.toBeInstanceOf(UnknownSearchIndexError);
    });
  });

  it('ping throws when the cluster does not answer', async () => {
    answer('HEAD', '/', '');
    await expect(search.ping()).resolves.toBeUndefined();
    mock.clearAll();
    answer('HEAD', '/', responseError(404, 'not_found'));
    await expect(search.ping()).rejects.toThrow('did not answer');
  });
});
