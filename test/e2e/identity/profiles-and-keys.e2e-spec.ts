import { MikroORM } from '@mikro-orm/postgresql';
import { eventually, type TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { withApiAccess, onPlan, planBecomes } from '../../support/billing.js';
import { addMember, createChannel } from '../studio/studio-helpers.js';

// One app for every describe below: each used to boot its own, and a boot costs seconds of CPU per file.
let app: TestApp;
beforeAll(async () => {
  app = await startShowrunner();
}, 120_000);
afterAll(() => app?.close());

const UNKNOWN_ID = '0193f000-0000-7000-8000-000000000000';

describe('public profiles (GET /v1/users/:id)', () => {
  const token = (user: RegisteredUser) => ({ token: user.tokens.accessToken });

  /** A registered user once engagement and studio have both learnt of them from identity's event. */
  async function person(): Promise<RegisteredUser> {
    const user = await registerUser(app);
    await eventually(async () => {
      const rows = await app.app
        .get(MikroORM)
        .em.fork()
        .execute(
          `select (select count(*)::int from engagement.people where user_id = ?) as engagement,
                  (select count(*)::int from studio.people where user_id = ?) as studio`,
          [user.user.id, user.user.id],
        );
      expect(rows).toEqual([{ engagement: 1, studio: 1 }]);
    });
    return user;
  }

  async function follow(fan: RegisteredUser, followee: RegisteredUser): Promise<void> {
    const answer = await app.request('POST', `/v1/creators/${followee.user.id}/follow`, token(fan));
    expect(answer.status).toBe(200);
  }

  async function block(owner: RegisteredUser, target: RegisteredUser, on = true): Promise<void> {
    const answer = await app.request(on ? 'POST' : 'DELETE', `/v1/users/${target.user.id}/block`, token(owner));
    expect(answer.status).toBe(200);
  }

  it('shows the profile, live follow counts and only the channels the person owns, to anyone', async () => {
    const [creator, fan1, fan2, other] = [await person(), await person(), await person(), await person()];
    const patched = await app.request('PATCH', '/v1/me', {
      ...token(creator),
      body: { bio: 'Cooks late at night', avatarUrl: 'https://cdn.example.com/creator.png' },
    });
    expect(patched.status).toBe(200);
    const first = await createChannel(app, creator, 'Night Kitchen');
    const second = await createChannel(app, creator, 'Morning Bakery');
    // A channel the creator only works on is not theirs.
    const elsewhere = await createChannel(app, other, 'Someone Else');
    await addMember(app, elsewhere, other, creator, 'editor');
    await follow(fan1, creator);
    await follow(fan2, creator);
    await follow(creator, fan1);

    const anonymous = await app.request('GET', `/v1/users/${creator.user.id}`);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({
      id: creator.user.id,
      handle: creator.user.handle,
      displayName: creator.user.displayName,
      bio: 'Cooks late at night',
      avatarUrl: 'https://cdn.example.com/creator.png',
      joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      followerCount: 2,
      followingCount: 1,
      channels: [
        { id: first, name: 'Night Kitchen', createdAt: expect.any(String) },
        { id: second, name: 'Morning Bakery', createdAt: expect.any(String) },
      ],
      viewer: null,
    });
    // Private account facts never leave through the public profile.
    expect(JSON.stringify(anonymous.body)).not.toContain(creator.user.email);

    // A signed-in caller also learns how they relate to the person.
    const signedIn = await app.request('GET', `/v1/users/${creator.user.id}`, token(fan1));
    expect(signedIn.body).toEqual({ ...anonymous.body, viewer: { following: true, followsYou: true } });
    const byStranger = await app.request('GET', `/v1/users/${creator.user.id}`, token(other));
    expect(byStranger.body.viewer).toEqual({ following: false, followsYou: false });
    const own = await app.request('GET', `/v1/users/${creator.user.id}`, token(creator));
    expect(own.body.viewer).toBeNull();

    // Counts are read at request time: an unfollow shows on the next read.
    await app.request('DELETE', `/v1/creators/${creator.user.id}/follow`, token(fan2));
    const after = await app.request('GET', `/v1/users/${creator.user.id}`, token(fan2));
    expect([after.body.followerCount, after.body.followingCount]).toEqual([1, 1]);
    expect(after.body.viewer).toEqual({ following: false, followsYou: false });

    const fanProfile = await app.request('GET', `/v1/users/${fan1.user.id}`);
    expect(fanProfile.body).toMatchObject({ followerCount: 1, followingCount: 1, channels: [] });
  }, 120_000);

  it('answers 404 like an unknown id when either person blocked the other, until the block is lifted', async () => {
    const [alice, bob, carol] = [await person(), await person(), await person()];
    const unknown = await app.request('GET', `/v1/users/${UNKNOWN_ID}`, token(bob));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('identity.user.not-found');

    await block(alice, bob);
    // The blocked person cannot see the blocker's profile…
    const blocked = await app.request('GET', `/v1/users/${alice.user.id}`, token(bob));
    expect(blocked.status).toBe(404);
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    expect({ code: blocked.body.code, title: blocked.body.title, detail: blocked.body.detail }).toEqual({
      code: unknown.body.code,
      title: unknown.body.title,
      detail: unknown.body.detail,
    });
    // …nor the blocker the blocked person's.
    const blocker = await app.request('GET', `/v1/users/${bob.user.id}`, token(alice));
    expect([blocker.status, blocker.body.code]).toEqual([404, 'identity.user.not-found']);
    // Everyone else still sees both, and so do anonymous visitors.
    expect((await app.request('GET', `/v1/users/${alice.user.id}`, token(carol))).status).toBe(200);
    expect((await app.request('GET', `/v1/users/${bob.user.id}`, token(carol))).status).toBe(200);
    expect((await app.request('GET', `/v1/users/${alice.user.id}`)).status).toBe(200);
    // Blocking oneself is impossible, so one's own profile always shows.
    expect((await app.request('GET', `/v1/users/${alice.user.id}`, token(alice))).status).toBe(200);

    await block(alice, bob, false);
    expect((await app.request('GET', `/v1/users/${alice.user.id}`, token(bob))).status).toBe(200);
    expect((await app.request('GET', `/v1/users/${bob.user.id}`, token(alice))).status).toBe(200);

    // A block from the other side hides the profile the same way.
    await block(bob, alice);
    expect((await app.request('GET', `/v1/users/${alice.user.id}`, token(bob))).status).toBe(404);
    expect((await app.request('GET', `/v1/users/${bob.user.id}`, token(alice))).status).toBe(404);
  }, 120_000);

  it('refuses a malformed id (400) and an unknown one (404), anonymously too', async () => {
    const unknown = await app.request('GET', `/v1/users/${UNKNOWN_ID}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'identity.user.not-found']);
    for (const id of ['not-a-uuid', '12345', `${UNKNOWN_ID}x`, "1' or '1'='1"]) {
      const malformed = await app.request('GET', `/v1/users/${encodeURIComponent(id)}`);
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('content-type')).toContain('application/problem+json');
      expect(malformed.body.code).toBe('http.bad-request');
    }
  });

  it('takes API keys with search:read and refuses keys without it', async () => {
    const [owner, subject] = [await withApiAccess(app, await person()), await person()];
    const keyWith = async (scopes: string[]) => {
      const created = await app.request('POST', '/v1/me/api-keys', { ...token(owner), body: { name: 'k', scopes } });
      expect(created.status).toBe(201);
      return created.body.key as string;
    };
    const reader = await app.request('GET', `/v1/users/${subject.user.id}`, { token: await keyWith(['search:read']) });
    expect([reader.status, reader.body.id]).toEqual([200, subject.user.id]);
    const refused = await app.request('GET', `/v1/users/${subject.user.id}`, {
      token: await keyWith(['profile:read']),
    });
    expect([refused.status, refused.body.code]).toEqual([403, 'auth.api-key-scope']);
    // A key acts for its owner, so the owner's blocks apply to it.
    await block(subject, owner);
    const blocked = await app.request('GET', `/v1/users/${subject.user.id}`, { token: await keyWith(['search:read']) });
    expect([blocked.status, blocked.body.code]).toEqual([404, 'identity.user.not-found']);
  });
});

describe('the caller’s profile and API keys', () => {
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
