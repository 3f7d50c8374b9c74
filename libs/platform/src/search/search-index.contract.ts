import { InvalidIndexDefinitionError, InvalidSearchQueryError, UnknownSearchIndexError } from './search-errors.js';
import type { IndexDefinition, SearchDocument, SearchIndex, SearchQuery, SearchResult } from './search-index.js';

/**
 * The behaviour every SearchIndex adapter must have. Each adapter's integration spec calls this with a
 * setup that returns a fresh, empty adapter (its own database or index prefix).
 */
export function describeSearchIndexContract(
  label: string,
  setup: () => Promise<{ index: SearchIndex; teardown: () => Promise<void> }>,
): void {
  describe(`SearchIndex contract: ${label}`, () => {
    let search: SearchIndex;
    let teardown: () => Promise<void>;

    beforeAll(async () => {
      ({ index: search, teardown } = await setup());
      await search.ensureIndex(peopleDefinition('people'));
      const result = await search.upsert('people', PEOPLE);
      expect(result).toEqual({ written: PEOPLE.length, stale: 0, failed: [] });
    });

    afterAll(() => teardown?.());

    const ids = (result: SearchResult<Person>) => result.hits.map((hit) => hit.id);

    describe('full text', () => {
      it('tolerates a typo: "jonh" finds John, "alise" finds Alice first', async () => {
        expect(ids(await search.search<Person>('people', { text: 'jonh', limit: 5 }))[0]).toBe('p04');
        expect(ids(await search.search<Person>('people', { text: 'alise', limit: 5 }))[0]).toBe('p01');
      });

      it('ranks an exact handle match above a mention in a bio, and scores hits', async () => {
        const result = await search.search<Person>('people', { text: 'alice', limit: 10 });
        expect(ids(result)[0]).toBe('p01');
        expect(ids(result)).toContain('p03'); // bob's bio mentions alice
        expect(result.hits[0].score).toBeGreaterThan(result.hits.find((h) => h.id === 'p03')!.score!);
        expect(result.hits[0].document.displayName).toBe('Alice Smith');
      });

      it('respects field weights: a handle (weight 4) outranks a bio (weight 1)', async () => {
        const result = await search.search<Person>('people', { text: 'carol', limit: 10 });
        expect(ids(result).indexOf('p05')).toBe(0);
        expect(ids(result).indexOf('p07')).toBeGreaterThan(0);
      });

      it('matches nothing for unrelated words', async () => {
        const result = await search.search<Person>('people', { text: 'xylophone', limit: 10 });
        expect(result).toMatchObject({ hits: [], total: 0 });
        expect(result.nextCursor).toBeUndefined();
      });
    });

    describe('full text while typing: the last word also matches as a prefix', () => {
      beforeAll(async () => {
        await search.ensureIndex(peopleDefinition('typing'));
        await search.upsert('typing', TYPING_PEOPLE);
      });

      it('finds "Johnny Cash" for "john", ranked below the whole-word John', async () => {
        const result = await search.search<Person>('typing', { text: 'john', limit: 10 });
        expect(new Set(ids(result))).toEqual(new Set(['t1', 't2', 't5']));
        expect(ids(result)[0]).toBe('t1');
        // Even a prefix hit in the heavier handle field (t5, "johnnyb") ranks below a whole word.
        expect(result.hits[0].score).toBeGreaterThan(Math.max(...result.hits.slice(1).map((h) => h.score!)));
      });

      it('completes the last of several words: "johnny ca" finds Johnny Cash first, then Carla', async () => {
        const found = ids(await search.search<Person>('typing', { text: 'johnny ca', limit: 10 }));
        expect(found[0]).toBe('t2');
        expect(found).toContain('t4');
      });

      it('completes to a word written just now: "bruni" finds Carla Bruni, then Brunilda', async () => {
        expect(ids(await search.search<Person>('typing', { text: 'bruni', limit: 10 }))).toEqual(['t4']);
        await search.upsert('typing', [person('t6', 1, { handle: 'brunilda', displayName: 'Brunilda Vale' })]);
        expect(ids(await search.search<Person>('typing', { text: 'bruni', limit: 10 }))).toEqual(['t4', 't6']);
      });

      it('treats only the last word as a prefix: "jo smith" finds John Smith alone', async () => {
        expect(ids(await search.search<Person>('typing', { text: 'jo smith', limit: 10 }))).toEqual(['t1']);
      });
    });

    describe('autocomplete', () => {
      it('matches the last word as a prefix: "ali" finds alice and alicia', async () => {
        const result = await search.search<Person>('people', { text: 'ali', mode: 'autocomplete', limit: 10 });
        expect(new Set(ids(result))).toEqual(new Set(['p01', 'p02']));
      });

      it('requires the finished words: "alice sm" finds Alice Smith only', async () => {
        const result = await search.search<Person>('people', { text: 'alice sm', mode: 'autocomplete', limit: 10 });
        expect(ids(result)).toEqual(['p01']);
      });

      it('completes a surname: "smi" finds both Smiths', async () => {
        const result = await search.search<Person>('people', { text: 'smi', mode: 'autocomplete', limit: 10 });
        expect(new Set(ids(result))).toEqual(new Set(['p01', 'p06']));
      });
    });

    describe('filters and facets', () => {
      it('filters on an exact value, any of several values, and ranges', async () => {
        const admins = await search.search<Person>('people', { filters: { role: 'admin' }, limit: 10 });
        expect(ids(admins)).toEqual(['p05', 'p09']);

        const staff = await search.search<Person>('people', { filters: { role: ['admin', 'subscriber'] }, limit: 10 });
        expect(ids(staff)).toEqual(['p03', 'p05', 'p06', 'p09', 'p10']);

        const popularCreators = await search.search<Person>('people', {
          filters: { role: 'creator', followers: { gte: 1000 } },
          limit: 10,
        });
        expect(ids(popularCreators)).toEqual(['p01', 'p02', 'p08']);

        const joined2026 = await search.search<Person>('people', {
          filters: { createdAt: { gte: '2026-01-01T00:00:00Z', lt: '2026-03-01T00:00:00Z' } },
          limit: 10,
        });
        expect(ids(joined2026)).toEqual(['p01', 'p06']);

        const verified = await search.search<Person>('people', { filters: { verified: true }, limit: 10 });
        expect(ids(verified)).toEqual(['p01', 'p08']);
      });

      it('combines text and filters', async () => {
        const result = await search.search<Person>('people', {
          text: 'smith',
          filters: { role: 'subscriber' },
          limit: 10,
        });
        expect(ids(result)).toEqual(['p06']);
      });

      it('counts facets over every match, not only the page', async () => {
        const result = await search.search<Person>('people', { facets: ['role'], limit: 2 });
        expect(result.hits).toHaveLength(2);
        expect(result.total).toBe(PEOPLE.length);
        expect(result.facets.role).toEqual([
          { value: 'creator', count: 5 },
          { value: 'subscriber', count: 3 },
          { value: 'admin', count: 2 },
        ]);

        const filtered = await search.search<Person>('people', {
          filters: { followers: { gte: 300 } },
          facets: ['role'],
          limit: 1,
        });
        expect(filtered.total).toBe(7);
        expect(filtered.facets.role).toEqual([
          { value: 'creator', count: 5 },
          { value: 'admin', count: 2 },
        ]);
      });
    });

    describe('bounded totals and facets (trackTotalUpTo)', () => {
      it('counts the total exactly up to trackTotalUpTo and reports a lower bound beyond it', async () => {
        expect(await search.search('people', { limit: 1 })).toMatchObject({
          total: PEOPLE.length,
          totalRelation: 'eq',
          facetsExhaustive: true,
        });
        expect(await search.search('people', { trackTotalUpTo: PEOPLE.length, limit: 1 })).toMatchObject({
          total: PEOPLE.length,
          totalRelation: 'eq',
        });
        expect(await search.search('people', { trackTotalUpTo: 3, limit: 1 })).toMatchObject({
          total: 3,
          totalRelation: 'gte',
        });
        expect(
          await search.search('people', { text: 'smith alice singer', trackTotalUpTo: 2, limit: 1 }),
        ).toMatchObject({ total: 2, totalRelation: 'gte' });
      });

      it('counts facets exactly, or flags them when taken over a subset: no count ever exceeds the true one', async () => {
        const capped = await search.search<Person>('people', { facets: ['role'], trackTotalUpTo: 4, limit: 1 });
        const exact = { creator: 5, subscriber: 3, admin: 2 } as Record<string, number>;
        if (capped.facetsExhaustive) {
          expect(capped.facets.role).toEqual(Object.entries(exact).map(([value, count]) => ({ value, count })));
        } else {
          for (const { value, count } of capped.facets.role) expect(count).toBeLessThanOrEqual(exact[value]);
          expect(capped.facets.role.reduce((sum, f) => sum + f.count, 0)).toBeLessThanOrEqual(PEOPLE.length);
        }
      });

      it('sorts on a field over every match even beyond the cap', async () => {
        const pages = await allPages(search, {
          sort: [{ field: 'followers', order: 'desc' }],
          trackTotalUpTo: 2,
          limit: 4,
        });
        expect(pages.flat()).toEqual(BY_FOLLOWERS_DESC);
      });

      it('rejects a trackTotalUpTo that is not a positive integer', async () => {
        for (const trackTotalUpTo of [0, -1, 1.5, 1_000_000])
          await expect(search.search('people', { trackTotalUpTo, limit: 1 })).rejects.toBeInstanceOf(
            InvalidSearchQueryError,
          );
      });
    });

    describe('the window order (windowOrder): which matches a bounded query keeps', () => {
      // r0..r5 published a day apart, r5 the newest but last in id order; r6 has no date.
      const RECENT = [
        ...Array.from({ length: 6 }, (_, i) =>
          person(`r${i}`, 1, {
            displayName: `Jazz Fan ${i}`,
            bio: 'likes jazz',
            createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
          }),
        ),
        person('r6', 1, { displayName: 'Jazz Fan 6', bio: 'likes jazz' }),
      ];

      beforeAll(async () => {
        await search.ensureIndex({ ...peopleDefinition('recent'), windowOrder: { field: 'createdAt', order: 'desc' } });
        await search.upsert('recent', RECENT);
      });

      it('ranks a word more documents hold than are ranked among the newest: the newest is always found', async () => {
        const result = await search.search<Person>('recent', { text: 'jazz', trackTotalUpTo: 3, limit: 10 });
        expect(result).toMatchObject({ total: 3, totalRelation: 'gte' });
        expect(ids(result)).toContain('r5');
        // PostgreSQL ranks the window (the three newest); Elasticsearch ranks every match.
        if (result.hits.length === 3) expect(new Set(ids(result))).toEqual(new Set(['r3', 'r4', 'r5']));
      });

      it('suggests from the newest matches of a prefix too', async () => {
        const result = await search.search<Person>('recent', {
          text: 'jaz',
          mode: 'autocomplete',
          trackTotalUpTo: 2,
          limit: 10,
        });
        expect(ids(result)).toContain('r5');
        if (result.hits.length === 2) expect(new Set(ids(result))).toEqual(new Set(['r4', 'r5']));
      });

      it('keeps a document without the field last, and follows a change of the field', async () => {
        const all = await search.search<Person>('recent', { text: 'jazz', trackTotalUpTo: 6, limit: 10 });
        if (all.hits.length === 6) expect(ids(all)).not.toContain('r6');
        await search.upsert('recent', [
          person('r6', 2, { displayName: 'Jazz Fan 6', bio: 'likes jazz', createdAt: '2026-01-01T00:00:00Z' }),
        ]);
        const moved = await search.search<Person>('recent', { text: 'jazz', trackTotalUpTo: 1, limit: 10 });
        expect(ids(moved)).toContain('r6');
        if (moved.hits.length === 1) expect(ids(moved)).toEqual(['r6']);
      });

      it('rejects a window order on a field that is not a date or a number, or in no direction', async () => {
        for (const windowOrder of [
          { field: 'role', order: 'desc' },
          { field: 'nope', order: 'desc' },
          { field: 'createdAt', order: 'sideways' },
        ] as IndexDefinition['windowOrder'][])
          await expect(search.ensureIndex({ ...peopleDefinition('misordered'), windowOrder })).rejects.toBeInstanceOf(
            InvalidIndexDefinitionError,
          );
      });
    });

    describe('sorting and cursors', () => {
      it('sorts on a sortable field, ties broken by id', async () => {
        const result = await search.search<Person>('people', {
          sort: [{ field: 'followers', order: 'desc' }],
          limit: 10,
        });
        expect(ids(result)).toEqual(BY_FOLLOWERS_DESC);
      });

      it('sorts documents missing the field last, in both directions', async () => {
        const ascending = await search.search<Person>('people', {
          sort: [{ field: 'createdAt', order: 'asc' }],
          limit: 10,
        });
        expect(ids(ascending)).toEqual(['p07', 'p08', 'p04', 'p05', 'p02', 'p01', 'p06', 'p03', 'p09', 'p10']);
        const descending = await search.search<Person>('people', {
          sort: [{ field: 'createdAt', order: 'desc' }],
          limit: 10,
        });
        expect(ids(descending)).toEqual(['p03', 'p06', 'p01', 'p02', 'p05', 'p04', 'p08', 'p07', 'p09', 'p10']);
      });

      it('pages with cursors: no duplicates, no gaps, ties split across pages', async () => {
        const pages = await allPages(search, { sort: [{ field: 'followers', order: 'desc' }], limit: 3 });
        expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
        expect(pages.flat()).toEqual(BY_FOLLOWERS_DESC);
      });

      it('pages through missing values (a cursor holding a null)', async () => {
        const pages = await allPages(search, { sort: [{ field: 'createdAt', order: 'asc' }], limit: 3 });
        expect(pages.flat()).toEqual(['p07', 'p08', 'p04', 'p05', 'p02', 'p01', 'p06', 'p03', 'p09', 'p10']);
      });

      it('pages through relevance-ranked results exactly like one big page', async () => {
        const query: SearchQuery = { text: 'smith alice singer', limit: 1 };
        const onePage = ids(await search.search<Person>('people', { ...query, limit: 50 }));
        expect(onePage.length).toBeGreaterThanOrEqual(4);
        const pages = await allPages(search, query);
        expect(pages.flat()).toEqual(onePage);
      });

      it('pages with the default order (id) and reports the total on every page', async () => {
        const first = await search.search<Person>('people', { limit: 4 });
        expect(ids(first)).toEqual(['p01', 'p02', 'p03', 'p04']);
        const second = await search.search<Person>('people', { limit: 4, cursor: first.nextCursor });
        expect(ids(second)).toEqual(['p05', 'p06', 'p07', 'p08']);
        expect(second.total).toBe(PEOPLE.length);
      });
    });

    describe('validation', () => {
      it('rejects an unknown index', async () => {
        await expect(search.search('nobody-here', { limit: 1 })).rejects.toBeInstanceOf(UnknownSearchIndexError);
        await expect(search.upsert('nobody-here', [PEOPLE[0]])).rejects.toBeInstanceOf(UnknownSearchIndexError);
        await expect(search.count('nobody-here')).rejects.toMatchObject({ code: 'search.index.unknown' });
      });

      it('rejects filters, sorts and facets on fields not declared for them, naming the field', async () => {
        await expect(search.search('people', { filters: { bio: 'x' }, limit: 1 })).rejects.toMatchObject({
          code: 'search.query.invalid',
          field: 'bio',
        });
        await expect(search.search('people', { filters: { nope: 'x' }, limit: 1 })).rejects.toBeInstanceOf(
          InvalidSearchQueryError,
        );
        await expect(
          search.search('people', { sort: [{ field: 'role', order: 'asc' }], limit: 1 }),
        ).rejects.toMatchObject({
          field: 'role',
        });
        await expect(search.search('people', { facets: ['handle'], limit: 1 })).rejects.toMatchObject({
          field: 'handle',
        });
        await expect(search.search('people', { filters: { followers: 'many' }, limit: 1 })).rejects.toMatchObject({
          field: 'followers',
        });
      });

      it('rejects a malformed cursor and a cursor made for another order', async () => {
        await expect(search.search('people', { limit: 1, cursor: 'not a cursor' })).rejects.toBeInstanceOf(
          InvalidSearchQueryError,
        );
        await expect(search.search('people', { limit: 1, cursor: 'eyJ4IjoxfQ' })).rejects.toBeInstanceOf(
          InvalidSearchQueryError,
        );
        const page = await search.search('people', { sort: [{ field: 'followers', order: 'desc' }], limit: 1 });
        await expect(search.search('people', { limit: 1, cursor: page.nextCursor })).rejects.toBeInstanceOf(
          InvalidSearchQueryError,
        );
      });

      it('reports a document that does not fit the definition as failed and writes the others', async () => {
        await search.ensureIndex(peopleDefinition('misfits'));
        const result = await search.upsert('misfits', [
          person('m1', 1, { followers: 'many' as unknown as number }),
          person('m2', 1, {}),
        ]);
        expect(result.written).toBe(1);
        expect(result.failed).toEqual([{ id: 'm1', reason: expect.any(String) as string }]);
        expect(await search.count('misfits')).toBe(1);
      });
    });

    describe('versions', () => {
      it('ignores older versions and reports a replayed version as stale', async () => {
        await search.ensureIndex(peopleDefinition('versioned'));
        expect(await search.upsert('versioned', [person('v1', 2, { displayName: 'Second' })])).toEqual({
          written: 1,
          stale: 0,
          failed: [],
        });
        expect(await search.upsert('versioned', [person('v1', 1, { displayName: 'First' })])).toEqual({
          written: 0,
          stale: 1,
          failed: [],
        });
        expect(await search.upsert('versioned', [person('v1', 2, { displayName: 'Second again' })])).toMatchObject({
          written: 0,
          stale: 1,
        });
        expect((await search.search<Person>('versioned', { limit: 5 })).hits[0].document.displayName).toBe('Second');

        const mixed = await search.upsert('versioned', [
          person('v1', 3, { displayName: 'Third' }),
          person('v2', 1, {}),
        ]);
        expect(mixed).toEqual({ written: 2, stale: 0, failed: [] });
        expect(
          (await search.search<Person>('versioned', { limit: 5 })).hits.map((h) => h.document.displayName),
        ).toEqual(['Third', 'Person v2']);
      });

      it('keeps only the highest version of an id repeated in one batch', async () => {
        await search.ensureIndex(peopleDefinition('repeated'));
        const result = await search.upsert('repeated', [
          person('r1', 1, { displayName: 'One' }),
          person('r1', 3, { displayName: 'Three' }),
          person('r1', 2, { displayName: 'Two' }),
        ]);
        expect(result).toEqual({ written: 1, stale: 2, failed: [] });
        expect((await search.search<Person>('repeated', { limit: 5 })).hits[0].document.displayName).toBe('Three');
      });

      it('deletes unless the index holds a newer version, and an older upsert cannot bring it back', async () => {
        await search.ensureIndex(peopleDefinition('deletions'));
        await search.upsert('deletions', [person('d1', 2, {}), person('d2', 1, {})]);

        await search.delete('deletions', 'd1', 1);
        expect(await search.count('deletions')).toBe(2);

        await search.delete('deletions', 'd1', 2);
        expect(await search.count('deletions')).toBe(1);
        expect((await search.search('deletions', { limit: 5 })).hits.map((h) => h.id)).toEqual(['d2']);

        expect(await search.upsert('deletions', [person('d1', 2, {})])).toMatchObject({ written: 0, stale: 1 });
        expect(await search.count('deletions')).toBe(1);
        expect(await search.upsert('deletions', [person('d1', 3, {})])).toMatchObject({ written: 1, stale: 0 });
        expect(await search.count('deletions')).toBe(2);

        await search.delete('deletions', 'never-indexed', 1); // not an error
        await expect(search.delete('nobody-here', 'd1', 9)).rejects.toBeInstanceOf(UnknownSearchIndexError);
      });

      it('ensureIndex is idempotent and keeps the documents', async () => {
        await search.ensureIndex(peopleDefinition('people'));
        expect(await search.count('people')).toBe(PEOPLE.length);
      });
    });

    describe('reindexing', () => {
      it('builds a new version beside the live one, promotes it atomically and drops the old one', async () => {
        const v1Definition = peopleDefinition('catalog');
        delete v1Definition.fields.followers.sortable;
        await search.ensureIndex(v1Definition);
        await search.upsert('catalog', [person('c1', 1, { displayName: 'Old name' }), person('c2', 1, {})]);

        const v2Definition = peopleDefinition('catalog');
        const next = await search.createVersion(v2Definition);
        expect(next.version).toBe(2);
        expect(next.physicalName).toMatch(/-catalog-v2$/);

        await search.upsertInto(next, [
          person('c1', 2, { displayName: 'New name', followers: 5 }),
          person('c2', 1, { followers: 50 }),
          person('c3', 1, { followers: 10 }),
        ]);
        // Not live yet: readers still see version 1, with its definition.
        expect((await search.search<Person>('catalog', { limit: 10 })).hits.map((h) => h.document.displayName)).toEqual(
          ['Old name', 'Person c2'],
        );
        await expect(
          search.search('catalog', { sort: [{ field: 'followers', order: 'asc' }], limit: 10 }),
        ).rejects.toBeInstanceOf(InvalidSearchQueryError);

        await search.promote(next);

        expect(await search.count('catalog')).toBe(3);
        const sorted = await search.search<Person>('catalog', {
          sort: [{ field: 'followers', order: 'asc' }],
          limit: 10,
        });
        expect(sorted.hits.map((h) => h.id)).toEqual(['c1', 'c3', 'c2']);
        expect(sorted.hits[0].document.displayName).toBe('New name');

        const previous = {
          definition: v1Definition,
          physicalName: next.physicalName.replace(/-v2$/, '-v1'),
          version: 1,
        };
        await expect(search.upsertInto(previous, [person('c9', 1, {})])).rejects.toBeInstanceOf(
          UnknownSearchIndexError,
        );
        expect((await search.createVersion(v2Definition)).version).toBe(3);
      });
    });

    it('answers ping', async () => {
      await expect(search.ping()).resolves.toBeUndefined();
    });
  });
}

export interface Person {
  handle: string;
  displayName: string;
  bio: string;
  role: 'creator' | 'subscriber' | 'admin';
  followers: number;
  createdAt?: string;
  verified?: boolean;
}

export function peopleDefinition(name: string): IndexDefinition {
  return {
    name,
    fields: {
      handle: { type: 'text', weight: 4, autocomplete: true },
      displayName: { type: 'text', weight: 3, autocomplete: true },
      bio: { type: 'text', weight: 1 },
      role: { type: 'keyword', facet: true, filterable: true },
      followers: { type: 'integer', filterable: true, sortable: true },
      createdAt: { type: 'date', filterable: true, sortable: true },
      verified: { type: 'boolean', filterable: true, facet: true },
    },
  };
}

function person(id: string, version: number, overrides: Partial<Person>): SearchDocument {
  const body: Person = {
    handle: id,
    displayName: `Person ${id}`,
    bio: '',
    role: 'subscriber',
    followers: 0,
    ...overrides,
  };
  return { id, version, body: body as unknown as Record<string, unknown> };
}

const doc = (id: string, body: Person): SearchDocument => ({
  id,
  version: 1,
  body: body as unknown as Record<string, unknown>,
});

export const PEOPLE: SearchDocument[] = [
  doc('p01', {
    handle: 'alice',
    displayName: 'Alice Smith',
    bio: 'Street photographer in Lisbon.',
    role: 'creator',
    followers: 1200,
    createdAt: '2026-01-10T09:00:00Z',
    verified: true,
  }),
  doc('p02', {
    handle: 'alicia_k',
    displayName: 'Alicia Keys',
    bio: 'Pianist and singer.',
    role: 'creator',
    followers: 5000,
    createdAt: '2025-11-02T12:00:00Z',
  }),
  doc('p03', {
    handle: 'bob',
    displayName: 'Bob Stone',
    bio: 'Knows alice from school. Runs a bakery.',
    role: 'subscriber',
    followers: 15,
    createdAt: '2026-03-01T08:30:00Z',
  }),
  doc('p04', {
    handle: 'johnd',
    displayName: 'John Doe',
    bio: 'Writes about chess openings.',
    role: 'creator',
    followers: 300,
    createdAt: '2025-06-20T00:00:00Z',
  }),
  doc('p05', {
    handle: 'carol',
    displayName: 'Carol Danvers',
    bio: 'Pilot. Loves jazz.',
    role: 'admin',
    followers: 300,
    createdAt: '2025-09-09T10:00:00Z',
  }),
  doc('p06', {
    handle: 'dave_smith',
    displayName: 'Dave Smith',
    bio: 'Carpenter; builds guitars.',
    role: 'subscriber',
    followers: 40,
    createdAt: '2026-02-14T18:00:00Z',
    verified: false,
  }),
  doc('p07', {
    handle: 'erin',
    displayName: 'Erin Walsh',
    bio: 'Mentions carol in every podcast.',
    role: 'creator',
    followers: 300,
    createdAt: '2024-12-31T23:59:59Z',
  }),
  doc('p08', {
    handle: 'frankie',
    displayName: 'Frank Ocean',
    bio: 'Singer and songwriter.',
    role: 'creator',
    followers: 9000,
    createdAt: '2025-01-15T07:00:00Z',
    verified: true,
  }),
  doc('p09', { handle: 'grace', displayName: 'Grace Hopper', bio: 'Compiler pioneer.', role: 'admin', followers: 800 }),
  doc('p10', {
    handle: 'heidi',
    displayName: 'Heidi Klum',
    bio: 'Model and presenter.',
    role: 'subscriber',
    followers: 0,
  }),
];

/** For search-as-you-type in the default mode: whole words, prefixes of them, and near misses. */
const TYPING_PEOPLE: SearchDocument[] = [
  person('t1', 1, { handle: 'jsmith', displayName: 'John Smith' }),
  person('t2', 1, { handle: 'cashfan', displayName: 'Johnny Cash' }),
  person('t3', 1, { handle: 'jonas', displayName: 'Jonas Berg' }),
  person('t4', 1, { handle: 'carla', displayName: 'Carla Bruni' }),
  person('t5', 1, { handle: 'johnnyb', displayName: 'Bea Quinn' }),
];

const BY_FOLLOWERS_DESC = ['p08', 'p02', 'p01', 'p09', 'p04', 'p05', 'p07', 'p06', 'p03', 'p10'];

async function allPages(search: SearchIndex, query: SearchQuery, indexName = 'people'): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await search.search(indexName, { ...query, cursor });
    pages.push(page.hits.map((hit) => hit.id));
    cursor = page.nextCursor;
    if (pages.length > 50) throw new Error('cursor pagination does not end');
  } while (cursor);
  return pages;
}
