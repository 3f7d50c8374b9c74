import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { TEST_JWT_SECRET, type TestApp } from '@lib/platform/testing';
import { startShowrunner } from '../../support/showrunner.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const GUIDE = join(ROOT, 'docs', 'first-client.md');

interface Block {
  lang: string;
  /** The rest of the info string: `runnable` (run by this test as is) or `curl` (the curl walkthrough). */
  info: string;
  runnable: boolean;
  code: string;
}

/** The guide's fenced code blocks in order, with their info strings. */
function codeBlocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w+) ?(.*)\n([\s\S]*?)^```$/gm)].map(([, lang, info, code]) => ({
    lang,
    info,
    runnable: info === 'runnable',
    code,
  }));
}

/**
 * A plain TCP forwarder on a port known before the app boots, so the app's PUBLIC_URL (checkout
 * links, tus Locations) is an address the guide's client can really reach, HTTP and WebSocket alike.
 */
async function startForwarder(): Promise<{ port: number; target(port: number): void; close(): Promise<void> }> {
  let targetPort = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    target: (port) => (targetPort = port),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * docs/first-client.md cannot rot: its `runnable` blocks (the ffmpeg command, then the JavaScript
 * program) and its `curl` walkthrough run as a reader would run them, in fresh directories, against
 * the whole app.
 */
describe('the first-client guide (docs/first-client.md)', () => {
  let app: TestApp;
  let forwarder: Awaited<ReturnType<typeof startForwarder>>;
  let workDir: string;
  let blocks: Block[];
  let BASE_URL: string;

  beforeAll(async () => {
    blocks = codeBlocks(await readFile(GUIDE, 'utf8'));
    forwarder = await startForwarder();
    app = await startShowrunner({ PUBLIC_URL: `http://127.0.0.1:${forwarder.port}` });
    forwarder.target(Number(new URL(app.url).port));
    BASE_URL = `http://127.0.0.1:${forwarder.port}`;
    workDir = await mkdtemp(join(tmpdir(), 'showrunner-first-client-'));
  });
  afterAll(async () => {
    await app?.close();
    await forwarder?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('leaves no JavaScript block unchecked and has a curl walkthrough for every step', () => {
    const javascript = blocks.filter((block) => block.lang === 'js');
    expect(javascript.length).toBeGreaterThanOrEqual(10);
    expect(javascript.filter((block) => !block.runnable)).toEqual([]);
    // One curl walkthrough per step, 1 to 9, plus the address.
    expect(blocks.filter((block) => block.info === 'curl').length).toBeGreaterThanOrEqual(9);
  });

  /** Runs the guide's `runnable` shell blocks (the test video) in a fresh directory like the reader's. */
  async function readerDirectory(name: string): Promise<string> {
    const dir = join(workDir, name);
    await mkdir(dir);
    // The reader's `npm install socket.io-client tus-js-client`: the project's own copies.
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    for (const block of blocks.filter((b) => b.runnable && b.lang === 'sh'))
      await run('sh', ['-c', block.code], { cwd: dir });
    return dir;
  }

  const failed =
    (what: string) =>
    (failure: { stdout?: string; stderr?: string; message: string }): never => {
      throw new Error(`${what} failed: ${failure.message}\n${failure.stdout}\n${failure.stderr}`);
    };

  /**
   * Appended to the guide's first blocks (helpers, sessions, `connect`): a session whose access token
   * expires in 2 s although the client believes it has an hour (a skewed clock), so the server's
   * `auth:expired` is what the guide's socket code must handle. Not part of the guide.
   */
  const EXPIRY_EPILOGUE = `
import { createHmac } from 'node:crypto';
const someone = await api(null, 'POST', '/v1/auth/register', {
  email: \`someone-\${randomUUID()}@example.com\`,
  handle: \`someone_\${randomUUID().slice(0, 8)}\`,
  displayName: 'Someone',
  password: 'a long password for someone',
});
const [header, payload] = someone.tokens.accessToken.split('.');
const now = Math.floor(Date.now() / 1000);
const claims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url')), iat: now, exp: now + 2 })).toString('base64url');
const signature = createHmac('sha256', process.env.JWT_SECRET).update(\`\${header}.\${claims}\`).digest('base64url');
const skewed = sessionFrom({ user: someone.user, tokens: { ...someone.tokens, accessToken: \`\${header}.\${claims}.\${signature}\`, expiresIn: 3600 } });
const socket = await connect(skewed);
const before = socket.id;
const expired = await nextEvent(socket, 'auth:expired', () => true, 15_000);
await new Promise((resolve) => socket.once('connect', resolve));
const token = await skewed.token();
console.log(JSON.stringify({ expired, reconnected: socket.connected && socket.id !== before, refreshed: token !== someone.tokens.accessToken }));
socket.close();
adaSocket.close();
`;

  it("keeps a socket alive across the server's auth:expired with the guide's connect() and session", async () => {
    const dir = join(workDir, 'expiry');
    await mkdir(dir);
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const [helpers, sessions, sockets] = blocks.filter((block) => block.runnable && block.lang === 'js');
    expect(sockets.code).toContain('function connect(session)');
    await writeFile(join(dir, 'expiry.mjs'), [helpers.code, sessions.code, sockets.code, EXPIRY_EPILOGUE].join('\n'));
    const { NODE_OPTIONS: _jestOnly, ...env } = process.env;
    const { stdout } = await run(process.execPath, ['expiry.mjs'], {
      cwd: dir,
      env: { ...env, BASE_URL, JWT_SECRET: TEST_JWT_SECRET },
      timeout: 40_000,
    }).catch(failed('the expiry run'));
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      expired: { code: 'auth.token-expired' },
      reconnected: true,
      refreshed: true,
    });
  }, 60_000);

  it('takes a client from registration to a downloaded export, in JavaScript and with curl, as the guide says', async () => {
    const [jsDir, curlDir] = await Promise.all([readerDirectory('js'), readerDirectory('curl')]);
    const program = blocks
      .filter((block) => block.runnable && block.lang === 'js')
      .map((block) => block.code)
      .join('\n');
    await writeFile(join(jsDir, 'first-client.mjs'), program);
    const walkthrough = blocks
      .filter((block) => block.lang === 'sh' && block.info === 'curl')
      .map((block) => block.code)
      .join('\n');
    await writeFile(join(curlDir, 'first-client.sh'), `set -euo pipefail\n${walkthrough}`);

    // The two clients are different people on one server: run side by side to keep the file short.
    const { NODE_OPTIONS: _jestOnly, ...env } = process.env;
    const options = (cwd: string) => ({ cwd, env: { ...env, BASE_URL }, timeout: 110_000 });
    const [js, curl] = await Promise.all([
      run(process.execPath, ['first-client.mjs'], options(jsDir)).catch(failed("the guide's JavaScript")),
      run('bash', ['first-client.sh'], options(curlDir)).catch(failed("the guide's curl walkthrough")),
    ]);
    const today = new Date().toISOString().slice(0, 10);

    // Each JavaScript step printed what the guide says it prints.
    expect(js.stdout).toContain('notification subscription.activated creator-plus');
    expect(js.stdout).toContain('plan creator-plus active');
    expect(js.stdout).toMatch(/video [0-9a-f-]{36} published/);
    expect(js.stdout).toContain('grace follows ada: true — followers: 1');
    expect(js.stdout).toContain('grace got: Thanks for following!');
    expect(js.stdout).toContain('events accepted: 1');
    const summary = JSON.parse(js.stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({
      plan: 'creator-plus',
      subscriptionStatus: 'active',
      videoState: 'published',
      found: summary.videoId,
      following: true,
      thread: ['Thanks for following!', 'Loved the episode', 'Part two is out on Friday'],
    });
    expect(summary.csv[0]).toBe('day,views,watch_time_seconds,completions,new_followers,revenue_cents');
    expect(summary.csv[1]).toMatch(new RegExp(`^${today},1,`)); // Grace's view, rolled up into the export

    // The curl walkthrough printed the same story.
    const printed = curl.stdout.trim().split('\n');
    expect(printed).toEqual(
      expect.arrayContaining([
        '303',
        '{"planId":"creator-plus","status":"active"}',
        'PATCH 204',
        '{"state":"published"}',
        '{"title":"How the Analytical Engine works","creatorHandle":"ada"}',
        '{"following":true,"followers":1}',
        '["Thanks for following!"]',
        '{"accepted":1}',
        'day,views,watch_time_seconds,completions,new_followers,revenue_cents',
        expect.stringMatching(new RegExp(`^${today},1,`)),
      ]),
    );

    // And the app agrees, seen from its side.
    const em = app.app.get(MikroORM).em.fork();
    const [subscription] = await em.execute<{ plan_id: string; status: string }[]>(
      `select plan_id, status from billing.subscriptions where user_id = ?`,
      [summary.ada],
    );
    expect(subscription).toEqual({ plan_id: 'creator-plus', status: 'active' });
    const catalog = await app.request('GET', '/v1/catalog?q=analytical');
    expect(catalog.body.items.map((item: { id: string }) => item.id)).toContain(summary.videoId);
    const [follow] = await em.execute<{ n: number }[]>(
      `select count(*)::int as n from engagement.follows where follower_id = ? and followee_id = ? and ended_at is null`,
      [summary.grace, summary.ada],
    );
    expect(follow.n).toBe(1);
    const [exported] = await em.execute<{ status: string }[]>(`select status from insights.exports where id = ?`, [
      summary.exportId,
    ]);
    expect(exported.status).toBe('ready');
  }, 120_000);
});
