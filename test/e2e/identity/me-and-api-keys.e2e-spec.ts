import { eventually, type TestApp } from '@lib/platform/testing';
import { onPlan, planBecomes, withApiAccess } from '../../support/billing.js';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

describe('the caller’s profile and API keys', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

  it('updates the profile and normalises what it stores', async () => {
    const user = await registerUser(app);
    const answer = await app.request('PATCH', '/v1/me', {
      token: user.tokens.accessToken,
      body: { displayName: ' Grace  Hopper ', bio: 'Compilers.', avatarUrl: 'https://cdn.example.com/g.png' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      displayName: 'Grace Hopper',
      bio: 'Compilers.',
      avatarUrl: 'https://cdn.example.com/g.png',
    });
    const cleared = await app.request('PATCH', '/v1/me', { token: user.tokens.accessToken, body: { bio: null } });
    expect(cleared.body.bio).toBeNull();
  });

  it('refuses a handle another user holds, and fields that are not profile fields', async () => {
    const holder = await registerUser(app);
    const user = await registerUser(app);
    const taken = await app.request('PATCH', '/v1/me', {
      token: user.tokens.accessToken,
      body: { handle: holder.user.handle },
    });
    expect(taken.status).toBe(409);
    const sneaky = await app.request('PATCH', '/v1/me', {
      token: user.tokens.accessToken,
      body: { roles: ['admin'], email: 'x@y.zz' },
    });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'roles']);
    const badUrl = await app.request('PATCH', '/v1/me', {
      token: user.tokens.accessToken,
      body: { avatarUrl: 'javascript:alert(1)' },
    });
    expect(badUrl.status).toBe(400);
  });

  it('creates an API key shown once, usable only within its scopes, until revoked', async () => {
    const user = await withApiAccess(app, await registerUser(app));
    const created = await app.request('POST', '/v1/me/api-keys', {
      token: user.tokens.accessToken,
      body: { name: 'CI', scopes: ['profile:read'] },
    });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^sr_[A-Za-z0-9_-]{43}$/);
    expect(created.body.apiKey).toMatchObject({
      name: 'CI',
      scopes: ['profile:read'],
      prefix: key.slice(0, 9),
      revokedAt: null,
    });

    const listed = await app.request('GET', '/v1/me/api-keys', { token: user.tokens.accessToken });
    expect(JSON.stringify(listed.body)).not.toContain(key);
    expect(listed.body).toHaveLength(1);

    const me = await app.request('GET', '/v1/me', { token: key });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(user.user.id);

    const outOfScope = await app.request('PATCH', '/v1/me', { token: key, body: { displayName: 'Bot' } });
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body).toMatchObject({ code: 'auth.api-key-scope', requiredScope: 'profile:write' });

    // A key can never mint keys, whatever its scopes.
    const mint = await app.request('POST', '/v1/me/api-keys', {
      token: key,
      body: { name: 'child', scopes: ['profile:read'] },
    });
    expect(mint.status).toBe(403);

    await eventually(async () => {
      const keys = await app.request('GET', '/v1/me/api-keys', { token: user.tokens.accessToken });
      expect(keys.body[0].lastUsedAt).not.toBeNull();
    });

    expect(
      (await app.request('DELETE', `/v1/me/api-keys/${created.body.apiKey.id}`, { token: user.tokens.accessToken }))
        .status,
    ).toBe(204);
    const revoked = await app.request('GET', '/v1/me', { token: key });
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('auth.api-key-invalid');
  });

  it('refuses unknown scopes and answers another user’s key id as not found', async () => {
    const owner = await withApiAccess(app, await registerUser(app));
    const other = await registerUser(app);
    const unknown = await app.request('POST', '/v1/me/api-keys', {
      token: owner.tokens.accessToken,
      body: { name: 'x', scopes: ['billing:everything'] },
    });
    expect(unknown.status).toBe(400);
    const created = await app.request('POST', '/v1/me/api-keys', {
      token: owner.tokens.accessToken,
      body: { name: 'mine', scopes: ['search:read'] },
    });
    const stolen = await app.request('DELETE', `/v1/me/api-keys/${created.body.apiKey.id}`, {
      token: other.tokens.accessToken,
    });
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('identity.api-key.not-found');
    expect((await app.request('GET', '/v1/me', { token: created.body.key })).status).toBe(403);
    const notUuid = await app.request('DELETE', '/v1/me/api-keys/not-a-uuid', { token: owner.tokens.accessToken });
    expect(notUuid.status).toBe(400);
  });

  it('sells API keys with api_access: 402 on Free, and a key stops working (402, not revoked) after a downgrade', async () => {
    const user = await registerUser(app);
    const mint = () =>
      app.request('POST', '/v1/me/api-keys', {
        token: user.tokens.accessToken,
        body: { name: 'CI', scopes: ['profile:read'] },
      });
    const refused = await mint();
    expect(refused.status).toBe(402);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'billing.plan.upgrade-required',
      entitlement: 'api_access',
      current: false,
      planId: 'free',
      cheapestPlan: { planId: 'studio-pro' },
    });
    expect((await app.request('GET', '/v1/me/api-keys', { token: user.tokens.accessToken })).body).toEqual([]);

    await onPlan(app, user, 'studio-pro');
    const created = await mint();
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect((await app.request('GET', '/v1/me', { token: key })).status).toBe(200);

    const cancel = await app.request('POST', '/v1/billing/subscription/cancel', {
      token: user.tokens.accessToken,
      body: { atPeriodEnd: false, reason: 'unused' },
    });
    expect(cancel.status).toBe(200);
    await planBecomes(app, user, 'free', 30_000);
    const lapsed = await app.request('GET', '/v1/me', { token: key });
    expect(lapsed.status).toBe(402);
    expect(lapsed.body).toMatchObject({ code: 'billing.plan.upgrade-required', entitlement: 'api_access' });
    // The key is kept (listed, not revoked): the person's own session still sees and can revoke it.
    const listed = await app.request('GET', '/v1/me/api-keys', { token: user.tokens.accessToken });
    expect(listed.body).toEqual([expect.objectContaining({ id: created.body.apiKey.id, revokedAt: null })]);
  }, 90_000);
});
