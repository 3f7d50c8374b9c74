import { MikroORM } from '@mikro-orm/postgresql';
import { eventually, type TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { withApiAccess } from '../../support/billing.js';
import { addMember, createChannel } from '../studio/studio-helpers.js';

const UNKNOWN_ID = '0193f000-0000-7000-8000-000000000000';

describe('public profiles (GET /v1/users/:id)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

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
