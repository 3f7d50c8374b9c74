import type { TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

const ADMIN = { email: 'root@example.com', password: 'an admin password for tests' };

/** The moderation policy through the admin API: moderators read and try it, admins edit it. */
describe('the moderation policy over HTTP', () => {
  let app: TestApp;
  let admin: string;
  let moderator: string;
  let member: RegisteredUser;

  const login = async (email: string, password: string) => {
    const answer = await app.request('POST', '/v1/auth/login', { body: { email, password } });
    expect(answer.status).toBe(200);
    return answer.body.tokens.accessToken as string;
  };

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    admin = await login(ADMIN.email, ADMIN.password);
    const promoted = await registerUser(app);
    const grant = await app.request('PATCH', `/v1/admin/users/${promoted.user.id}/roles`, {
      token: admin,
      body: { roles: ['moderator'] },
    });
    expect(grant.status).toBe(200);
    moderator = await login(promoted.user.email, promoted.password);
    member = await registerUser(app);
  });
  afterAll(() => app.close());

  it('shows moderators the default policy as version 1, and nobody else', async () => {
    const answer = await app.request('GET', '/v1/admin/moderation/policy', { token: moderator });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 1, editedBy: null, links: { allow: [], deny: [] } });
    expect(answer.body.surfaces.message).toContainEqual({ signal: 'slur', action: 'refuse', atLeast: 1 });
    const refused = await app.request('GET', '/v1/admin/moderation/policy', { token: member.tokens.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.role-required');
  });

  it('lets only admins edit it: a moderator gets 403', async () => {
    const answer = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: moderator,
      body: { surfaces: {} },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('auth.role-required');
  });

  it('refuses an edit naming an unknown signal, surface or action, listing each, and keeps the policy', async () => {
    const answer = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: admin,
      body: {
        surfaces: {
          message: [{ signal: 'bad-vibes', action: 'hold' }],
          'smoke-signals': [],
          comment: [{ signal: 'spam', action: 'shadowban' }],
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe('trust-safety.policy.invalid');
    expect(answer.body.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`)).toEqual([
      'surfaces.message[0].signal unknown-signal',
      'surfaces.smoke-signals unknown-surface',
      'surfaces.comment[0].action unknown-action',
    ]);
    const missing = await app.request('PUT', '/v1/admin/moderation/policy', { token: admin, body: { links: {} } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation.failed');
    const current = await app.request('GET', '/v1/admin/moderation/policy', { token: admin });
    expect(current.body.version).toBe(1);
  });

  it('saves an edit as the next version, in force at once for the dry run', async () => {
    const before = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'deals at bit.ly/deal' },
    });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ action: 'allow', policyVersion: 1 });

    const saved = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: admin,
      body: {
        surfaces: {
          message: [
            { signal: 'denied-link', action: 'refuse' },
            { signal: 'link', action: 'flag' },
          ],
        },
        links: { allow: ['youtube.com'], deny: ['bit.ly'] },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, links: { allow: ['youtube.com'], deny: ['bit.ly'] } });

    const after = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'deals at bit.ly/deal' },
    });
    expect(after.body).toMatchObject({
      action: 'refuse',
      rule: 'message.denied-link',
      policyVersion: 2,
      signals: [{ signal: 'denied-link', score: 1, detail: 'bit.ly' }],
    });
    const allowed = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'watch https://www.youtube.com/watch?v=1' },
    });
    expect(allowed.body.action).toBe('allow');
  });

  it('answers an oversized dry run with a clear 400, and refuses members', async () => {
    const oversized = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'x'.repeat(20_001) },
    });
    expect(oversized.status).toBe(400);
    expect(oversized.body.code).toBe('trust-safety.text.too-long');
    const member403 = await app.request('POST', '/v1/admin/moderation/screen', {
      token: member.tokens.accessToken,
      body: { surface: 'message', text: 'hello' },
    });
    expect(member403.status).toBe(403);
  });

  it('documents the routes in OpenAPI', async () => {
    const docs = await app.request('GET', '/docs-json');
    expect(Object.keys(docs.body.paths['/v1/admin/moderation/policy'])).toEqual(['get', 'put']);
    expect(docs.body.paths['/v1/admin/moderation/screen'].post).toBeDefined();
  });
});
