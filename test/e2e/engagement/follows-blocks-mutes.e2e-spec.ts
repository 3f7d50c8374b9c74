import { MikroORM } from '@mikro-orm/postgresql';
import { eventually, type TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('follows, blocks and mutes', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

  /** A registered user once engagement has learnt of them (identity's event reached it). */
  async function person(): Promise<RegisteredUser> {
    const user = await registerUser(app);
    await eventually(async () => {
      const answer = await app.request('GET', `/v1/users/${user.user.id}/followers`, {
        token: user.tokens.accessToken,
      });
      expect(answer.status).toBe(200);
    });
    return user;
  }
  const token = (user: RegisteredUser) => ({ token: user.tokens.accessToken });

  async function outboxCount(type: string, followerId: string): Promise<number> {
    const [row] = await app.app
      .get(MikroORM)
      .em.fork()
      .execute<Array<{ n: number }>>(
        `select count(*)::int as n from platform.outbox where type = ? and payload->>'followerId' = ?`,
        [type, followerId],
      );
    return row.n;
  }

  it('follows once however often asked, lists followers and following with counts, and unfollows', async () => {
    const [creator, fan] = [await person(), await person()];
    const first = await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fan));
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ following: true, followers: 1 });
    expect((await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fan))).body).toEqual({
      following: true,
      followers: 1,
    });
    expect(await outboxCount('engagement.user-followed.v1', fan.user.id)).toBe(1);

    const followers = await app.request('GET', `/v1/users/${creator.user.id}/followers`, token(fan));
    expect(followers.body).toMatchObject({
      total: 1,
      items: [{ userId: fan.user.id, handle: fan.user.handle, displayName: fan.user.displayName }],
    });
    const following = await app.request('GET', `/v1/users/${fan.user.id}/following`, token(creator));
    expect(following.body).toMatchObject({ total: 1, items: [{ userId: creator.user.id }] });

    const unfollow = await app.request('DELETE', `/v1/creators/${creator.user.id}/follow`, token(fan));
    expect(unfollow.body).toEqual({ following: false, followers: 0 });
    expect(await outboxCount('engagement.user-unfollowed.v1', fan.user.id)).toBe(1);
    expect((await app.request('DELETE', `/v1/creators/${creator.user.id}/follow`, token(fan))).status).toBe(200);
    expect(await outboxCount('engagement.user-unfollowed.v1', fan.user.id)).toBe(1);
    // Following again resumes the relationship and is announced again.
    await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fan));
    expect(await outboxCount('engagement.user-followed.v1', fan.user.id)).toBe(2);
  });

  it('pages followers newest first with a cursor that survives new follows', async () => {
    const creator = await person();
    const fans = [];
    for (let i = 0; i < 5; i += 1) {
      const fan = await person();
      await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fan));
      fans.push(fan);
    }
    const first = await app.request('GET', `/v1/users/${creator.user.id}/followers?limit=2`, token(creator));
    expect(first.body.items.map((item: { userId: string }) => item.userId)).toEqual([fans[4].user.id, fans[3].user.id]);
    const late = await person();
    await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(late));
    const second = await app.request(
      'GET',
      `/v1/users/${creator.user.id}/followers?limit=2&cursor=${first.body.nextCursor}`,
      token(creator),
    );
    expect(second.body.items.map((item: { userId: string }) => item.userId)).toEqual([
      fans[2].user.id,
      fans[1].user.id,
    ]);
    expect(second.body.total).toBe(6);
    expect(
      (await app.request('GET', `/v1/users/${creator.user.id}/followers?cursor=bm9wZQ`, token(creator))).status,
    ).toBe(400);
  });

  it('refuses to follow oneself (422), an unknown person (404) or a malformed id (400)', async () => {
    const user = await person();
    const self = await app.request('POST', `/v1/creators/${user.user.id}/follow`, token(user));
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('engagement.follow.self');
    const unknown = await app.request('POST', '/v1/creators/0193f000-0000-7000-8000-000000000000/follow', token(user));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('engagement.person.not-found');
    expect((await app.request('POST', '/v1/creators/not-a-uuid/follow', token(user))).status).toBe(400);
    expect((await app.request('POST', `/v1/creators/${user.user.id}/follow`)).status).toBe(401);
  });

  it('a block ends follows both ways and stops new ones from either side, until lifted', async () => {
    const [alice, bob] = [await person(), await person()];
    await app.request('POST', `/v1/creators/${alice.user.id}/follow`, token(bob));
    await app.request('POST', `/v1/creators/${bob.user.id}/follow`, token(alice));
    expect((await app.request('POST', `/v1/users/${bob.user.id}/block`, token(alice))).body).toEqual({
      kind: 'block',
      on: true,
    });

    expect((await app.request('GET', `/v1/users/${alice.user.id}/followers`, token(alice))).body.total).toBe(0);
    expect((await app.request('GET', `/v1/users/${alice.user.id}/following`, token(alice))).body.total).toBe(0);
    const refused = await app.request('POST', `/v1/creators/${alice.user.id}/follow`, token(bob));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('engagement.restriction.blocked');
    expect((await app.request('POST', `/v1/creators/${bob.user.id}/follow`, token(alice))).status).toBe(403);
    expect((await app.request('GET', '/v1/me/blocks', token(alice))).body.items).toEqual([
      expect.objectContaining({ userId: bob.user.id, handle: bob.user.handle }),
    ]);
    expect((await app.request('GET', '/v1/me/blocks', token(bob))).body.items).toEqual([]);

    await app.request('DELETE', `/v1/users/${bob.user.id}/block`, token(alice));
    expect((await app.request('POST', `/v1/creators/${alice.user.id}/follow`, token(bob))).status).toBe(200);
  });

  it('mutes quietly: the muted person can still follow, and the mute is listed for its owner only', async () => {
    const [alice, bob] = [await person(), await person()];
    expect((await app.request('POST', `/v1/users/${bob.user.id}/mute`, token(alice))).status).toBe(200);
    expect((await app.request('POST', `/v1/creators/${alice.user.id}/follow`, token(bob))).status).toBe(200);
    expect(
      (await app.request('GET', '/v1/me/mutes', token(alice))).body.items.map(
        (item: { userId: string }) => item.userId,
      ),
    ).toEqual([bob.user.id]);
    const self = await app.request('POST', `/v1/users/${alice.user.id}/mute`, token(alice));
    expect(self.status).toBe(422);
    expect(self.body.code).toBe('engagement.restriction.self');
    await app.request('DELETE', `/v1/users/${bob.user.id}/mute`, token(alice));
    expect((await app.request('GET', '/v1/me/mutes', token(alice))).body.items).toEqual([]);
  });
});
