import { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { SearchIndex } from '@lib/platform';
import { eventually, startTestApp, type TestApp } from '@lib/platform/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';

/**
 * ADR 0077: a pool whose every connection stays held makes queries fail after DATABASE_POOL_ACQUIRE_TIMEOUT_MS.
 * ADR 0080: an idle connection is closed after DATABASE_POOL_IDLE_TIMEOUT_MS (a minute by default), on both pools.
 */
describe('a database pool with every connection held', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp((config) => StandaloneModule.forRoot(config), {
      env: { DATABASE_POOL_MAX: '2', DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '500', DATABASE_POOL_IDLE_TIMEOUT_MS: '300' },
    });
  });
  afterAll(() => app.close());

  it('closes connections idle for DATABASE_POOL_IDLE_TIMEOUT_MS, in the ORM pool and in the search adapter’s', async () => {
    const pools = [await ormPool(app), searchPool(app)];
    for (const pool of pools) for (const client of await holdConnections(pool, 2)) client.release();
    for (const pool of pools) expect(pool.totalCount).toBeGreaterThanOrEqual(2);
    // With pg's default (10 s) or the app's (60 s) they would still be open.
    await eventually(() => expect(pools.map((pool) => pool.totalCount)).toEqual([0, 0]), { timeoutMs: 5_000 });
  });

  it('search answers 503 too when its own pool stays held', async () => {
    const pool = searchPool(app);
    const held = await holdConnections(pool, 10);
    let refused;
    try {
      refused = await app.request('GET', '/v1/catalog?q=anything');
    } finally {
      for (const client of held) client.release();
    }
    expect(refused).toMatchObject({ status: 503, body: { code: 'http.service-unavailable' } });
    expect((await app.request('GET', '/v1/catalog?q=anything')).status).toBe(200);
  });

  it('answers 503 (retry later) within the acquire timeout instead of waiting for ever, and serves again once a connection is free', async () => {
    const held = await holdConnections(await ormPool(app), 2);
    let refused;
    try {
      refused = await app.request('GET', '/v1/catalog/videos/0193a6f0-0000-7000-8000-000000000000');
    } finally {
      for (const client of held) client.release();
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 503, code: 'http.service-unavailable' });
    expect(refused.headers.get('retry-after')).toBe('2');

    const served = await app.request('GET', '/v1/catalog/videos/0193a6f0-0000-7000-8000-000000000000');
    expect(served).toMatchObject({ status: 404, body: { code: expect.stringMatching(/not-found/) } });
  });
});

/** MikroORM's pool (through kysely). */
async function ormPool(app: TestApp): Promise<pg.Pool> {
  return await app.app.get(MikroORM).em.getConnection().getNativeClient();
}

/** The PostgreSQL search adapter's own pool (a private field: this test holds its connections on purpose). */
function searchPool(app: TestApp): pg.Pool {
  return app.app.get<SearchIndex, { pool: pg.Pool }>(SearchIndex).pool;
}

/**
 * Checks out `count` connections of the pool, one at a time. Opening one can outlast the 500 ms timeout on a loaded
 * machine (ten at once did in a CI run, and the ones already held then kept the app from closing): each is tried
 * again, and all are released if they cannot be had.
 */
async function holdConnections(pool: pg.Pool, count: number): Promise<pg.PoolClient[]> {
  const held: pg.PoolClient[] = [];
  try {
    while (held.length < count) held.push(await eventually(() => pool.connect(), { timeoutMs: 20_000 }));
    return held;
  } catch (error) {
    for (const client of held) client.release();
    throw error;
  }
}
