import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningService } from './embedded-postgres.js';
import { freePort } from './free-port.js';
import { startRedisServer } from './redis-server.js';

// Two instances starting at once (parallel test files, two `npm start`s) both find the preferred port free.
describe('embedded PostgreSQL when its preferred port is taken while it starts', () => {
  let dir: string;
  let squatter: Server;
  let postgres: RunningService | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-port-race-'));
  });
  afterAll(async () => {
    await postgres?.stop();
    await new Promise((done) => squatter?.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on another port and answers there', async () => {
    const preferred = await freePort();
    const starting = startEmbeddedPostgres({
      dataDir: join(dir, 'postgres'),
      database: 'race',
      preferredPort: preferred,
      unsafeFastWrites: true,
    });
    // Taken while initdb runs: another process bound it after this start found it free.
    squatter = createServer();
    await new Promise<void>((done) => squatter.listen(preferred, '127.0.0.1', done));

    postgres = await starting;
    expect(new URL(postgres.url).port).not.toBe(String(preferred));
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      expect((await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db).toBe('race');
    } finally {
      await client.end();
    }
  }, 120_000);
});

// A restart that connected clients must find: another port would leave them reconnecting to the old one.
describe('redis-server asked for exactly one port', () => {
  it('fails naming the taken port instead of moving to another', async () => {
    const squatter = createServer((probe) => probe.destroy()); // close() waits for accepted connections
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const { port } = squatter.address() as AddressInfo;
    try {
      await expect(startRedisServer({ port })).rejects.toThrow(/Address already in use/);
    } finally {
      await new Promise((done) => squatter.close(done));
    }
  });
});
