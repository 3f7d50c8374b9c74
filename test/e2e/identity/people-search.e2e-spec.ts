import { SearchIndex } from '@lib/platform';
import { eventually, type TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

describe('people search: registrations and profile changes flow outbox → relay → projector → index', () => {
  let app: TestApp;
  const search = (query: string) => app.request('GET', `/v1/search/people?${query}`);
  const handles = (answer: { body: { items: { handle: string }[] } }) => answer.body.items.map((item) => item.handle);

  beforeAll(async () => {
    app = await startShowrunner();
    await registerUser(app, { handle: 'alice_smith', displayName: 'Alice Smith' });
    await registerUser(app, { handle: 'alicia_keys', displayName: 'Alicia Keys' });
    await registerUser(app, { handle: 'bob_builder', displayName: 'Bob The Builder' });
    await registerUser(app, { handle: 'jonathan', displayName: 'Jonathan Harker' });
    await eventually(async () => expect((await search('limit=50')).body.total).toBe(4));
  });
  afterAll(() => app.close());

  it('finds people by handle or display name, best match first', async () => {
    const answer = await search('q=alice');
    expect(answer.status).toBe(200);
    expect(handles(answer)[0]).toBe('alice_smith');
    expect(answer.body.items[0]).toMatchObject({ displayName: 'Alice Smith' });
    expect(answer.body.items[0]).not.toHaveProperty('email');
    // Whether total is exact (it is counted up to 1,000, like the catalog's): clients show "1,000+" for gte.
    expect(answer.body).toMatchObject({ totalRelation: 'eq', facetsExhaustive: true });
  });

  it('tolerates typos', async () => {
    expect(handles(await search('q=jonatan'))).toContain('jonathan');
    expect(handles(await search('q=bulider'))).toContain('bob_builder');
  });

  it('matches prefixes while typing', async () => {
    expect(handles(await search('q=ali&mode=autocomplete')).sort()).toEqual(['alice_smith', 'alicia_keys']);
    expect(handles(await search('q=alice%20sm&mode=autocomplete'))).toEqual(['alice_smith']);
  });

  it('matches an unfinished last word without autocomplete mode', async () => {
    expect(handles(await search('q=jona'))).toEqual(['jonathan']);
    expect(handles(await search('q=bui'))).toEqual(['bob_builder']);
  });

  it('pages with a cursor, without duplicates or gaps', async () => {
    const first = await search('limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await search(`limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.nextCursor).toBeUndefined();
    expect(new Set([...handles(first), ...handles(second)]).size).toBe(4);
  });

  it('rejects a tampered cursor and an unknown role filter with 400', async () => {
    expect((await search('cursor=AAAA')).status).toBe(400);
    expect((await search('role=emperor')).status).toBe(400);
  });

  it('finds "Johnny Cash" for "john", after the people actually named John', async () => {
    await registerUser(app, { handle: 'johnny_cash', displayName: 'Johnny Cash' });
    await registerUser(app, { handle: 'john_smith', displayName: 'John Smith' });
    await eventually(async () => expect(handles(await search('q=john'))).toEqual(['john_smith', 'johnny_cash']));
    expect(handles(await search('q=johnny%20ca'))[0]).toBe('johnny_cash');
  });

  it('reindexes a profile change, and the old name stops matching', async () => {
    const user = await registerUser(app, { handle: 'renamed_person', displayName: 'Wilhelmina Murray' });
    await eventually(async () => expect(handles(await search('q=wilhelmina'))).toContain('renamed_person'));
    await app.request('PATCH', '/v1/me', { token: user.tokens.accessToken, body: { displayName: 'Mina Harker' } });
    await eventually(async () => {
      expect(handles(await search('q=mina%20harker'))).toContain('renamed_person');
      expect(handles(await search('q=wilhelmina'))).not.toContain('renamed_person');
    });
  });

  // Last: the 1,001 people it indexes would change the totals the tests above expect.
  it('says when more people match than are counted: totalRelation gte, facets not exhaustive', async () => {
    const crowd = Array.from({ length: 1001 }, (_, i) => ({
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      version: 1,
      body: {
        handle: `crowd_${i}`,
        displayName: `Crowd Member ${i}`,
        bio: null,
        avatarUrl: null,
        roles: ['subscriber'],
        createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      },
    }));
    expect(await app.app.get(SearchIndex).upsert('people', crowd)).toMatchObject({ written: 1001, failed: [] });
    const answer = await search('q=crowd');
    expect(answer.body).toMatchObject({ total: 1000, totalRelation: 'gte', facetsExhaustive: false });
  });
});
