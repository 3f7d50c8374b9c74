import type { TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

const ADMIN = { email: 'root@example.com', password: 'an admin password for tests' };

describe('admins: the boot-time admin, roles and the queue dashboard', () => {
  let app: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    const login = await app.request('POST', '/v1/auth/login', { body: ADMIN });
    expect(login.status).toBe(200);
    expect(login.body.user.roles).toEqual(['member', 'admin']);
    adminToken = login.body.tokens.accessToken;
  });
  afterAll(() => app.close());

  it('lists users in pages with a cursor', async () => {
    await Promise.all([registerUser(app), registerUser(app), registerUser(app)]);
    const first = await app.request('GET', '/v1/admin/users?limit=2', { token: adminToken });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await app.request('GET', `/v1/admin/users?limit=2&cursor=${first.body.nextCursor}`, {
      token: adminToken,
    });
    const ids = [...first.body.items, ...second.body.items].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bad = await app.request('GET', '/v1/admin/users?cursor=%%%', { token: adminToken });
    expect(bad.status).toBe(400);
    const tooMany = await app.request('GET', '/v1/admin/users?limit=5000', { token: adminToken });
    expect(tooMany.status).toBe(400);
  });

  it('grants roles, which take effect on the user’s next token', async () => {
    const user = await registerUser(app);
    const answer = await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
      token: adminToken,
      body: { roles: ['creator'] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.roles).toEqual(['member', 'creator']);
    const refreshed = await app.request('POST', '/v1/auth/refresh', {
      body: { refreshToken: user.tokens.refreshToken },
    });
    const payload = JSON.parse(Buffer.from(refreshed.body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.roles).toEqual(['member', 'creator']);
    const invalid = await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
      token: adminToken,
      body: { roles: ['emperor'] },
    });
    expect(invalid.status).toBe(400);
    const missing = await app.request('PATCH', '/v1/admin/users/018f0000-0000-7000-8000-000000000000/roles', {
      token: adminToken,
      body: { roles: ['creator'] },
    });
    expect(missing.status).toBe(404);
  });

  it('never removes the last admin', async () => {
    const me = await app.request('GET', '/v1/me', { token: adminToken });
    const answer = await app.request('PATCH', `/v1/admin/users/${me.body.id}/roles`, {
      token: adminToken,
      body: { roles: ['member'] },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('identity.roles.last-admin');
  });

  describe('Bull Board at /admin/queues', () => {
    const basic = (email: string, password: string) =>
      `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;

    it('asks anonymous visitors for credentials', async () => {
      const page = await app.request('GET', '/admin/queues');
      expect(page.status).toBe(401);
      expect(page.headers.get('www-authenticate')).toMatch(/^Basic/);
      const api = await app.request('GET', '/admin/queues/api/queues');
      expect(api.status).toBe(401);
    });

    it('refuses members, with a token or with their password', async () => {
      const member = await registerUser(app);
      expect((await app.request('GET', '/admin/queues/api/queues', { token: member.tokens.accessToken })).status).toBe(
        403,
      );
      const viaBasic = await app.request('GET', '/admin/queues', {
        headers: { authorization: basic(member.user.email, member.password) },
      });
      expect(viaBasic.status).toBe(403);
      const wrong = await app.request('GET', '/admin/queues', {
        headers: { authorization: basic(ADMIN.email, 'wrong') },
      });
      expect(wrong.status).toBe(401);
    });

    it('shows admins the dashboard and every queue', async () => {
      const page = await app.request('GET', '/admin/queues', {
        headers: { authorization: basic(ADMIN.email, ADMIN.password) },
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      const api = await app.request('GET', '/admin/queues/api/queues', { token: adminToken });
      expect(api.status).toBe(200);
      expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(
        expect.arrayContaining(['identity.project-people', 'identity.push-profile-updated']),
      );
    });
  });
});
