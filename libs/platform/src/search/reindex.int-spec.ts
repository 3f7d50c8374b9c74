import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { PostgresSearchIndex } from './postgres/postgres-search-index.js';
import { rebuildIndex, type SearchIndexSource } from './reindex.js';
import { peopleDefinition, type Person } from './search-index.contract.js';
import { SearchRebuildFailedError } from './search-errors.js';
import type { IndexDefinition, SearchDocument } from './search-index.js';

/** A source of truth held in memory: rows with the version and change time a real table would have. */
class InMemorySource implements SearchIndexSource<Person> {
  readonly calls: { batchSize: number; changedSince?: Date }[] = [];
  /** Awaited after each batch the full pass hands out: lets a test look and change data mid-rebuild. */
  afterBatch?: (index: number) => Promise<void>;

  constructor(
    readonly definition: IndexDefinition,
    readonly rows: { id: string; version: number; changedAt: Date; body: Person }[],
  ) {}

  async count(): Promise<number> {
    return this.rows.length;
  }

  async *batches(options: { batchSize: number; changedSince?: Date }): AsyncIterable<SearchDocument<Person>[]> {
    this.calls.push(options);
    const rows = this.rows.filter((row) => !options.changedSince || row.changedAt >= options.changedSince);
    for (let i = 0; i * options.batchSize < rows.length; i++) {
      yield rows
        .slice(i * options.batchSize, (i + 1) * options.batchSize)
        .map(({ id, version, body }) => ({ id, version, body }));
      if (!options.changedSince) await this.afterBatch?.(i);
    }
  }
}

const anHourAgo = () => new Date(Date.now() - 3_600_000);

function people(count: number): { id: string; version: number; changedAt: Date; body: Person }[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `u${String(i).padStart(3, '0')}`,
    version: 1,
    changedAt: anHourAgo(),
    body: { handle: `user${i}`, displayName: `User ${i}`, bio: 'Plays the cello.', role: 'subscriber', followers: i },
  }));
}

describe('rebuildIndex (on PostgreSQL)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let search: PostgresSearchIndex;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    search = new PostgresSearchIndex(pool, { indexPrefix: 'rebuild' });
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('rebuilds into a new version while searches keep answering, replays changes made meanwhile, then swaps', async () => {
    const source = new InMemorySource(peopleDefinition('members'), people(25));
    await search.ensureIndex(source.definition);
    await search.upsert(
      'members',
      source.rows.slice(0, 20).map(({ id, version, body }) => ({ id, version, body: { ...body } })),
    );

    const seenDuringRebuild: { count: number; found: string[] }[] = [];
    source.afterBatch = async (index) => {
      // Readers keep getting the live (old) version, complete, at every step of the rebuild.
      const found = await search.search<Person>('members', { text: 'user7', limit: 5 });
      seenDuringRebuild.push({ count: await search.count('members'), found: found.hits.map((h) => h.id) });
      if (index !== 0) return;
      // A user renames themselves while the rebuild runs; u003 was already copied by the first batch.
      const row = source.rows[3];
      Object.assign(row, {
        version: 2,
        changedAt: new Date(),
        body: { ...row.body, displayName: 'Renamed during the rebuild' },
      });
    };
    const progress: [number, number][] = [];

    const result = await rebuildIndex(search, source, {
      batchSize: 10,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result).toMatchObject({ version: 2, written: 26, stale: 0 });
    expect(result.physicalName).toBe('rebuild-members-v2');
    expect(progress).toEqual([
      [0, 25],
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
    expect(seenDuringRebuild).toEqual([
      { count: 20, found: ['u007'] },
      { count: 20, found: ['u007'] },
      { count: 20, found: ['u007'] },
    ]);

    // The catch-up pass asked only for what changed since the rebuild began, and got the rename.
    expect(source.calls).toHaveLength(2);
    expect(source.calls[1].changedSince!.getTime()).toBeGreaterThan(anHourAgo().getTime());
    expect(await search.count('members')).toBe(25);
    const renamed = await search.search<Person>('members', { text: 'renamed', limit: 5 });
    expect(renamed.hits.map((h) => h.id)).toEqual(['u003']);

    const { rows } = await pool.query(
      `select physical_name from search.indices where alias = 'rebuild-members' order by version`,
    );
    expect(rows).toEqual([{ physical_name: 'rebuild-members-v2' }]);
  });

  it('does not promote when documents fail, and says which', async () => {
    const source = new InMemorySource(peopleDefinition('broken'), people(5));
    await search.ensureIndex(source.definition);
    await search.upsert('broken', [
      {
        id: 'old',
        version: 1,
        body: { handle: 'old', displayName: 'Still live', bio: '', role: 'admin', followers: 1 },
      },
    ]);
    (source.rows[2].body as unknown as Record<string, unknown>).followers = 'lots';

    const failure = rebuildIndex(search, source, { batchSize: 2 });
    await expect(failure).rejects.toBeInstanceOf(SearchRebuildFailedError);
    await expect(failure).rejects.toMatchObject({
      code: 'search.rebuild.failed',
      failed: [{ id: 'u002', reason: expect.stringContaining('followers') }],
    });

    const live = await search.search<Person>('broken', { limit: 10 });
    expect(live.hits.map((h) => h.document.displayName)).toEqual(['Still live']);
  });

  it('builds an index that never existed (promote creates the alias)', async () => {
    const source = new InMemorySource(peopleDefinition('fresh'), people(3));
    const result = await rebuildIndex(search, source);
    expect(result.version).toBe(1);
    expect(await search.count('fresh')).toBe(3);
  });
});
