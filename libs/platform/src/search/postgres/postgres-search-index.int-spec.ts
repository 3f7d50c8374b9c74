import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database.js';
import { describeSearchIndexContract, peopleDefinition, PEOPLE, type Person } from '../search-index.contract.js';
import type { SearchDocument, SearchQuery } from '../search-index.js';
import { PostgresSearchIndex } from './postgres-search-index.js';
import { buildSearchStatement } from './search-statement.js';

/** Like the production pool (search.module.ts): an idle client the server drops is not a crash. */
function testPool(database: TestDatabase, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: database.url, max });
  pool.on('error', () => undefined);
  return pool;
}

describeSearchIndexContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const pool = testPool(database, 4);
  return {
    index: new PostgresSearchIndex(pool, { indexPrefix: 'contract' }),
    teardown: async () => {
      await pool.end();
      await database.drop();
    },
  };
});

describe('PostgresSearchIndex', () => {
  let database: TestDatabase;
  let pools: pg.Pool[];
  /** A separate pool per adapter stands for a separate process. */
  const startProcess = () => {
    const pool = testPool(database, 3);
    pools.push(pool);
    return { pool, search: new PostgresSearchIndex(pool, { indexPrefix: 'pg' }) };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    pools = [];
  });

  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
    await database.drop();
  });

  it('creates an index once when two processes ensure it at the same time', async () => {
    const [a, b] = [startProcess(), startProcess()];
    await Promise.all([
      a.search.ensureIndex(peopleDefinition('racing')),
      b.search.ensureIndex(peopleDefinition('racing')),
      a.search.ensureIndex(peopleDefinition('racing')),
      b.search.ensureIndex(peopleDefinition('racing')),
    ]);
    const { rows } = await a.pool.query(`select physical_name from search.indices where alias = 'pg-racing'`);
    expect(rows).toEqual([{ physical_name: 'pg-racing-v1' }]);
    const aliases = await a.pool.query(`select physical_name from search.aliases where alias = 'pg-racing'`);
    expect(aliases.rows).toEqual([{ physical_name: 'pg-racing-v1' }]);
  });

  it('lets a fresh process search an index another one created (definitions are persisted)', async () => {
    const writer = startProcess();
    await writer.search.ensureIndex(peopleDefinition('persisted'));
    await writer.search.upsert('persisted', PEOPLE);

    const reader = startProcess();
    const result = await reader.search.search<Person>('persisted', {
      text: 'singer',
      filters: { role: 'creator' },
      facets: ['role'],
      sort: [{ field: 'followers', order: 'desc' }],
      limit: 5,
    });
    expect(result.hits.map((h) => h.id)).toEqual(['p08', 'p02']);
    expect(result.facets.role).toEqual([{ value: 'creator', count: 2 }]);
  });

  it('follows a promotion made by another process (the cached alias is checked on every search)', async () => {
    const [a, b] = [startProcess(), startProcess()];
    await a.search.ensureIndex(peopleDefinition('moving'));
    await a.search.upsert('moving', [person('x1', 'Before')]);
    expect((await a.search.search<Person>('moving', { limit: 5 })).hits[0].document.displayName).toBe('Before');

    const next = await b.search.createVersion(peopleDefinition('moving'));
    await b.search.upsertInto(next, [person('x1', 'After'), person('x2', 'Added')]);
    await b.search.promote(next);

    const result = await a.search.search<Person>('moving', { limit: 5 });
    expect(result.hits.map((h) => h.document.displayName)).toEqual(['After', 'Added']);
    expect(await a.search.count('moving')).toBe(2);
  });

  it('sends writes through the alias to a version being built, so a promotion loses none', async () => {
    const { search } = startProcess();
    await search.ensureIndex(peopleDefinition('dual'));
    const next = await search.createVersion(peopleDefinition('dual'));
    const result = await search.upsert('dual', [person('late', 'Written during the rebuild', 4)]);
    expect(result).toEqual({ written: 1, stale: 0, failed: [] });
    // The rebuild's older copy of the same document does not overwrite it.
    expect(await search.upsertInto(next, [person('late', 'Stale copy from the source', 3)])).toMatchObject({
      stale: 1,
    });
    await search.promote(next);
    const hits = (await search.search<Person>('dual', { limit: 5 })).hits;
    expect(hits.map((h) => h.document.displayName)).toEqual(['Written during the rebuild']);
  });

  it('takes concurrent overlapping batches in any order without deadlocks, keeping the highest versions', async () => {
    const writers = [startProcess(), startProcess(), startProcess()];
    await writers[0].search.ensureIndex(peopleDefinition('contended'));
    const ids = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const shuffled = (seed: number) =>
      [...ids].sort(
        (a, b) =>
          ((a.length * 31 + a.charCodeAt(a.length - 1) * seed) % 97) -
            ((b.length * 31 + b.charCodeAt(b.length - 1) * seed) % 97) ||
          (seed % 2 ? a.localeCompare(b) : b.localeCompare(a)),
      );
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, round) =>
        writers[round % writers.length].search.upsert(
          'contended',
          shuffled(round + 3).map((id) => person(id, `Round ${round}`, round + 1)),
        ),
      ),
    );
    expect(results.every((r) => r.failed.length === 0 && r.written + r.stale === ids.length)).toBe(true);
    const { rows } = await writers[0].pool.query(
      `select min(version)::int as min, max(version)::int as max from search.documents where index_name = 'pg-contended-v1'`,
    );
    expect(rows).toEqual([{ min: 9, max: 9 }]);
  });

  describe('on a few thousand documents', () => {
    let pool: pg.Pool;
    let search: PostgresSearchIndex;

    beforeAll(async () => {
      ({ pool, search } = startProcess());
      // The newest first, as the catalog declares it: g03999 leads the window, g00000 is last.
      await search.ensureIndex({ ...peopleDefinition('crowd'), windowOrder: { field: 'createdAt', order: 'desc' } });
      const crowd = Array.from({ length: 4000 }, (_, i) => generatedPerson(i));
      for (let i = 0; i < crowd.length; i += 1000) await search.upsert('crowd', crowd.slice(i, i + 1000));
      // Other indices share the word list; their words make the plans below the ones a real database gets.
      await pool.query(
        `insert into search.words (index_name, word) select 'pg-other-v1', md5(i::text) from generate_series(1, 100000) i`,
      );
      await pool.query('analyze search.documents, search.words');
      // Fresh GIN entries wait in a pending list the planner prices high until autovacuum merges them: merged now,
      // so the plans below do not depend on when autovacuum last ran.
      await pool.query(
        `select gin_clean_pending_list(i) from unnest(array['search.documents_vector_idx', 'search.documents_suggest_idx']::regclass[]) i`,
      );
    });

    /**
     * At test sizes a sequential scan can be the cheaper plan, so this checks that the predicates can
     * use the GIN indexes at all; at 50,000 rows the planner picks them on its own (see the README).
     */
    const plan = async (text: string, values: unknown[]) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await client.query('set local enable_seqscan = off');
        await client.query(`set local pg_trgm.word_similarity_threshold = 0.38`);
        const { rows } = await client.query({ text: `explain (format json) ${text}`, values });
        return JSON.stringify(rows[0]['QUERY PLAN']);
      } finally {
        await client.query('rollback');
        client.release();
      }
    };

    const version = async () => {
      const { rows } = await pool.query(
        `select physical_name, version, definition from search.indices where alias = 'pg-crowd'`,
      );
      return { physicalName: rows[0].physical_name, version: rows[0].version, definition: rows[0].definition };
    };

    it('finds full-text matches through the GIN index on the tsvector', async () => {
      const statement = buildSearchStatement(await version(), { text: 'zephyrine', limit: 20 });
      expect(await plan(statement.text, statement.values)).toContain('documents_vector_idx');
    });

    it('finds prefixes through the GIN index on the autocomplete tsvector', async () => {
      const statement = buildSearchStatement(await version(), { text: 'zephyr', mode: 'autocomplete', limit: 20 });
      expect(await plan(statement.text, statement.values)).toContain('documents_suggest_idx');
    });

    it('filters on selective keys through their GIN index', async () => {
      const followers = (generatedPerson(42).body as unknown as Person).followers;
      const statement = buildSearchStatement(await version(), { filters: { followers }, limit: 20 });
      expect(await plan(statement.text, statement.values)).toContain('documents_keys_idx');
    });

    it('corrects typos through the trigram GIN index on the word list (the lookup inside search.typo_query)', async () => {
      // Over the whole list (100,000+ words): for this small index alone, its primary-key range is cheaper.
      const lookup = `select w.word from search.words w where $1 <% w.word`;
      expect(await plan(lookup, ['zephirine'])).toContain('words_trigram_idx');
      const { rows } = await pool.query(`select search.typo_query('pg-crowd-v1', 'zephirine')::text as terms`);
      expect(rows).toEqual([{ terms: "'zephyrine'" }]);
    });

    it('corrects only words that match nothing exactly, within the edit budget', async () => {
      const corrected = async (text: string) =>
        (await pool.query(`select search.typo_query('pg-crowd-v1', $1)::text as terms`, [text])).rows[0].terms;
      expect(await corrected('lisbon zephirine')).toBe("'zephyrine'"); // lisbon exists: left alone
      expect(await corrected('lisbn')).toBe("'lisbon'");
      expect(await corrected('oaska')).toBe("'osaka'"); // a swap of two letters is one edit
      expect(await corrected('lisbonnnn')).toBeNull(); // three edits: too far
      expect(await corrected('xq')).toBeNull(); // two letters: exact only
    });

    it('ranks and pages a large result set consistently', async () => {
      const everything = await search.search<Person>('crowd', { text: 'lisbon', limit: 1000 });
      expect(everything.total).toBeGreaterThan(100);
      expect(everything.hits).toHaveLength(everything.total);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await search.search<Person>('crowd', { text: 'lisbon', limit: 37, cursor });
        seen.push(...page.hits.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(everything.hits.map((h) => h.id));
    });

    it('bounds a word every document holds: total and facets from the newest matches, ranked within them', async () => {
      const result = await search.search<Person>('crowd', {
        text: 'makes',
        facets: ['role'],
        trackTotalUpTo: 100,
        limit: 1000,
      });
      expect(result).toMatchObject({ total: 100, totalRelation: 'gte', facetsExhaustive: false });
      // g03900..g03999, roles in turn creator, subscriber ×3, admin.
      expect(result.facets.role).toEqual([
        { value: 'subscriber', count: 60 },
        { value: 'admin', count: 20 },
        { value: 'creator', count: 20 },
      ]);
      expect(result.hits.map((h) => h.id).sort()).toEqual(
        Array.from({ length: 100 }, (_, i) => generatedPerson(3900 + i).id),
      );
      expect(result.nextCursor).toBeUndefined();
    });

    /** EXPLAIN (ANALYZE, BUFFERS) of a search, as text. */
    const analyze = async (query: SearchQuery, options = 'costs off, timing off, summary off') => {
      const statement = buildSearchStatement(await version(), query);
      const { rows } = await pool.query({
        text: `explain (analyze, ${options}) ${statement.text}`,
        values: statement.values,
      });
      return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    };

    it('reads the window of a common word in window order from its index, without sorting every match', async () => {
      // "makes" is in every bio (4,000 matches): the band walks documents_window_idx and stops at the window.
      const plan = await analyze({ text: 'makes', trackTotalUpTo: 100, limit: 20 }, 'costs off, timing off, buffers');
      const band =
        /Index Scan using documents_window_idx on documents d_1 \(actual rows=([\d.]+)[^]*?Buffers: shared hit=(\d+)/.exec(
          plan,
        );
      expect(band).not.toBeNull();
      expect(Number(band![1])).toBe(101); // the window, not the 4,000 matches
      expect(Number(band![2])).toBeLessThan(50); // a few index and heap pages (11 when measured)
      expect(plan).not.toMatch(/Sort Key: d_1\.window_key/);
    });

    it('skips the prefix and typo bands without reading them when they cannot add a document', async () => {
      // No indexed word is longer than "lisbon" and starts with it; every word matches exactly.
      const lisbon = await analyze({ text: 'lisbon', limit: 20 });
      expect(lisbon.match(/on documents d\S* \(never executed\)/g)).toHaveLength(2);
      // "lisb" completes to "lisbon": the prefix band is read.
      expect(
        (await analyze({ text: 'lisb', limit: 20 })).match(/on documents d\S* \(never executed\)/g) ?? [],
      ).toHaveLength(1);
    });

    it('finds a rare name despite a typo among thousands', async () => {
      const result = await search.search<Person>('crowd', { text: 'zephirine', limit: 5 });
      expect(result.hits[0]?.document.displayName).toContain('Zephyrine');
    });
  });
});

function person(id: string, displayName: string, version = 1): SearchDocument {
  return { id, version, body: { handle: id, displayName, bio: '', role: 'subscriber', followers: 1 } };
}

const FIRST = ['Ana', 'Bruno', 'Chen', 'Dara', 'Emil', 'Fatima', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kira', 'Luca'];
const LAST = ['Silva', 'Novak', 'Okafor', 'Tanaka', 'Berg', 'Rossi', 'Haddad', 'Kowalski', 'Moreau', 'Lindqvist'];
const CITIES = ['Lisbon', 'Osaka', 'Lagos', 'Oslo', 'Lima', 'Porto', 'Tunis', 'Quito'];
const ROLES = ['creator', 'subscriber', 'subscriber', 'subscriber', 'admin'] as const;

function generatedPerson(i: number): SearchDocument {
  const first = i === 1234 ? 'Zephyrine' : FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const body: Person = {
    handle: `${first}${last}${i}`.toLowerCase(),
    displayName: `${first} ${last}`,
    bio: `Makes videos in ${CITIES[i % CITIES.length]} about topic ${i % 97}.`,
    role: ROLES[i % ROLES.length],
    followers: (i * 7919) % 100_000,
    createdAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
  };
  return { id: `g${String(i).padStart(5, '0')}`, version: 1, body: body as unknown as Record<string, unknown> };
}
