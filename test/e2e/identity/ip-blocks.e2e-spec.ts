import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';
import { eventually, startTestApp, type TestApp } from '@lib/platform/testing';
import { connectSocket, registerUser, startShowrunner } from '../../support/showrunner.js';

const ADMIN = { email: 'root@example.com', password: 'an admin passphrase 42' };
const ADMIN_IP = '192.0.2.10';

describe('IP and CIDR block list', () => {
  let app: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    // Callers are told apart by X-Forwarded-For, as behind a reverse proxy.
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: 'true' });
    const login = await app.request('POST', '/v1/auth/login', {
      body: ADMIN,
      headers: { 'x-forwarded-for': ADMIN_IP },
    });
    adminToken = login.body.tokens.accessToken;
  });
  afterAll(() => app.close());

  const asAdmin = (body?: unknown) => ({ token: adminToken, headers: { 'x-forwarded-for': ADMIN_IP }, body });
  const from = (ip: string, token?: string) => ({ headers: { 'x-forwarded-for': ip }, ...(token ? { token } : {}) });
  const block = (range: string, reason = 'abuse from this network') =>
    app.request('POST', '/v1/admin/ip-blocks', asAdmin({ range, reason }));

  it('refuses a blocked range before anything else, on every route, until the block is lifted', async () => {
    const member = await registerUser(app);
    const added = await block('203.0.113.0/24', 'credential stuffing');
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      range: '203.0.113.0/24',
      reason: 'credential stuffing',
      id: expect.any(String),
    });

    for (const [method, path, token] of [
      ['GET', '/v1/me', member.tokens.accessToken],
      ['POST', '/v1/auth/login', undefined],
      ['GET', '/v1/no-such-route', undefined],
      ['PATCH', '/v1/me', 'not even a token'],
    ] as const) {
      const answer = await app.request(method, path, {
        ...from('203.0.113.77', token),
        ...(method === 'GET' ? {} : { body: {} }),
      });
      expect({ method, path, status: answer.status, code: answer.body.code }).toEqual({
        method,
        path,
        status: 403,
        code: 'http.ip.blocked',
      });
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await app.request('GET', '/v1/me', from('203.0.114.1', member.tokens.accessToken))).status).toBe(200);

    const listed = await app.request('GET', '/v1/admin/ip-blocks', asAdmin());
    expect(listed.body.items).toEqual([expect.objectContaining({ id: added.body.id, range: '203.0.113.0/24' })]);
    expect((await app.request('DELETE', `/v1/admin/ip-blocks/${added.body.id}`, asAdmin())).status).toBe(204);
    expect((await app.request('GET', '/v1/me', from('203.0.113.77', member.tokens.accessToken))).status).toBe(200);
    expect((await app.request('DELETE', `/v1/admin/ip-blocks/${added.body.id}`, asAdmin())).status).toBe(404);
  });

  it('refuses the socket handshake from a blocked address', async () => {
    const member = await registerUser(app);
    const added = await block('2001:db8::/32');
    expect(added.status).toBe(201);
    await expect(
      connectSocket(app, { token: member.tokens.accessToken }, { 'x-forwarded-for': '2001:db8::5' }),
    ).rejects.toMatchObject({ data: { code: 'http.ip.blocked' } });
    const allowed = await connectSocket(
      app,
      { token: member.tokens.accessToken },
      { 'x-forwarded-for': '2001:db9::5' },
    );
    allowed.close();
    await app.request('DELETE', `/v1/admin/ip-blocks/${added.body.id}`, asAdmin());
  });

  it('applies a change on every node within seconds (the list is shared through Redis)', async () => {
    const second = await startTestApp((config) => StandaloneModule.forRoot(config), {
      database: app.runtime.database,
      env: { REDIS_PREFIX: app.config.redis.prefix, SEARCH_INDEX_PREFIX: app.config.redis.prefix, TRUST_PROXY: 'true' },
    });
    try {
      const probe = () => second.request('GET', '/v1/search/people?q=x', from('198.51.100.23'));
      expect((await probe()).status).toBe(200);
      const added = await block('198.51.100.23');
      expect(added.body.range).toBe('198.51.100.23');
      await eventually(async () => expect((await probe()).status).toBe(403), { timeoutMs: 5_000 });
      await app.request('DELETE', `/v1/admin/ip-blocks/${added.body.id}`, asAdmin());
      await eventually(async () => expect((await probe()).status).toBe(200), { timeoutMs: 5_000 });
    } finally {
      await second.close();
    }
  });

  it('validates ranges, refuses duplicates and a block of the admin’s own address, and is for admins only', async () => {
    for (const range of ['not-an-ip', '10.0.0.0/4', '10.0.0.0/33', '1.2.3.4/24/1', '::/0']) {
      const answer = await block(range);
      expect({ range, status: answer.status, code: answer.body.code }).toEqual({
        range,
        status: 400,
        code: 'identity.ip-block.invalid',
      });
    }
    const first = await block('100.64.0.0/10');
    expect(first.status).toBe(201);
    const again = await block('100.64.0.0/10');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('identity.ip-block.exists');
    expect((await block('192.0.2.0/24')).body.code).toBe('identity.ip-block.own-address');
    await app.request('DELETE', `/v1/admin/ip-blocks/${first.body.id}`, asAdmin());

    const member = await registerUser(app);
    const refused = await app.request('POST', '/v1/admin/ip-blocks', {
      token: member.tokens.accessToken,
      body: { range: '203.0.113.9', reason: 'x' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.role-required');
    expect((await app.request('GET', '/v1/admin/ip-blocks', { token: member.tokens.accessToken })).status).toBe(403);
  });
});
