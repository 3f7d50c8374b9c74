import { randomUUID } from 'node:crypto';
import { RedisConnections } from '@lib/platform';
import { eventsConsumed, eventually, type TestApp } from '@lib/platform/testing';
import { sql } from '../../support/interactions.js';
import { auth, collect, follow, person as registeredPerson } from '../../support/messaging.js';
import { connectSocket, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

interface Entry {
  type: 'video' | 'post';
  id: string;
  publishedAt: string;
  author: { userId: string };
  video: { title: string; accessLevel: string } | null;
  post: { text: string; videoId: string | null } | null;
  locked: boolean;
}

/** The activity feed end to end: posts, fan-out on write, merge on read above the threshold, filters. */
describe('engagement: activity feed', () => {
  let app: TestApp;

  /** Registrations are limited per address and every test registers from 127.0.0.1: empty the window first. */
  const person = async () => {
    const redis = app.app.get(RedisConnections);
    const keys = await redis.commands().keys(`${redis.key('rate', 'register-ip')}*`);
    if (keys.length) await redis.commands().del(...keys);
    return registeredPerson(app);
  };
  const feed = async (user: RegisteredUser, query = '') => {
    const answer = await app.request('GET', `/v1/me/feed${query}`, auth(user));
    expect(answer.status).toBe(200);
    return answer.body as { items: Entry[]; nextCursor?: string };
  };
  const feedIds = async (user: RegisteredUser) => (await feed(user, '?limit=100')).items.map((e) => e.id);
  const write = async (author: RegisteredUser, text: string, videoId?: string) => {
    const answer = await app.request('POST', '/v1/me/posts', { ...auth(author), body: { text, videoId } });
    if (answer.status !== 201) throw new Error(`post failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { id: string; held: boolean; status: string };
  };
  /** Studio's publish event through the outbox, as studio's own commit writes it; waits for engagement's copy. */
  const publish = async (creator: RegisteredUser, options: { accessLevel?: string; title?: string } = {}) => {
    const videoId = randomUUID();
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
      [
        randomUUID(),
        'studio.video-published.v1',
        JSON.stringify({
          videoId,
          channelId: randomUUID(),
          creatorId: creator.user.id,
          title: options.title ?? 'Episode',
          accessLevel: options.accessLevel ?? 'free',
          earlyAccessDays: null,
          seriesId: null,
          durationSeconds: 600,
          publishedAt: new Date().toISOString(),
        }),
        videoId,
      ],
    );
    await eventsConsumed(app, 'engagement.remember-video', {
      type: 'studio.video-published.v1',
      payload: { videoId },
    });
    return videoId;
  };
  const restrict = async (owner: RegisteredUser, target: RegisteredUser, kind: 'mute' | 'block') => {
    const answer = await app.request('POST', `/v1/users/${target.user.id}/${kind}`, auth(owner));
    expect([200, 201, 204]).toContain(answer.status);
  };
  const expectProblem = (answer: { status: number; body: { code: string } }, status: number, code: string) =>
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

  beforeAll(async () => {
    // Above two followers a creator is merged on read, so the big-creator path needs three accounts.
    app = await startShowrunner({
      FEED_BIG_CREATOR_FOLLOWERS: '2',
      FEED_WHATS_NEW_CACHE_SECONDS: '0',
      FEED_INBOX_CAP: '10',
    });
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  it('shows followed creators’ videos and posts newest first with a cursor, backfills on follow, and pushes feed:item', async () => {
    const [fan, ana, ben, stranger, early] = [
      await person(),
      await person(),
      await person(),
      await person(),
      await person(),
    ];
    const earlier = await write(early, 'Written before anyone followed');
    await follow(app, fan, ana);
    await follow(app, fan, ben);
    await follow(app, fan, early);
    await eventually(async () => expect(await feedIds(fan)).toEqual([earlier.id])); // backfilled on follow

    const socket = await connectSocket(app, auth(fan));
    const pushes = collect<{ type: string; id: string; authorId: string }>(socket, 'feed:item');
    try {
      const video = await publish(ana, { title: 'Pilot' });
      await pause();
      const benPost = await write(ben, 'New season next week');
      await pause();
      const anaPost = await write(ana, 'Watch the pilot', video);
      await write(stranger, 'Nobody follows me');

      await eventually(async () => expect(await feedIds(fan)).toEqual([anaPost.id, benPost.id, video, earlier.id]));
      const first = await feed(fan, '?limit=2');
      expect(first.items.map((e) => e.id)).toEqual([anaPost.id, benPost.id]);
      expect(first.items[0]).toMatchObject({
        type: 'post',
        author: { userId: ana.user.id },
        post: { text: 'Watch the pilot', videoId: video },
        locked: false,
      });
      const second = await feed(fan, `?limit=2&cursor=${first.nextCursor}`);
      expect(second.items.map((e) => e.id)).toEqual([video, earlier.id]);
      expect(second.items[0]).toMatchObject({ type: 'video', video: { title: 'Pilot', accessLevel: 'free' } });
      expect(second.nextCursor).toBeUndefined();

      await eventually(() =>
        expect(pushes.map((p) => p.id)).toEqual(expect.arrayContaining([video, benPost.id, anaPost.id])),
      );
      expect(pushes.find((p) => p.id === benPost.id)).toMatchObject({ type: 'post', authorId: ben.user.id });
    } finally {
      socket.close();
    }
  }, 90_000);

  it('lists a video the viewer’s plan does not open, locked', async () => {
    const [fan, creator] = [await person(), await person()];
    await follow(app, fan, creator);
    const premium = await publish(creator, { accessLevel: 'ad_free' });
    await eventually(async () => expect(await feedIds(fan)).toEqual([premium]));
    expect((await feed(fan)).items[0]).toMatchObject({ id: premium, locked: true });
  }, 60_000);

  it('leaves out muted and blocked accounts, and an unfollow removes the creator’s entries', async () => {
    const [fan, muted, blocker, blocked, left, kept] = [
      await person(),
      await person(),
      await person(),
      await person(),
      await person(),
      await person(),
    ];
    for (const creator of [muted, blocker, blocked, left, kept]) await follow(app, fan, creator);
    const posts = new Map<RegisteredUser, string>();
    for (const creator of [muted, blocker, blocked, left, kept]) posts.set(creator, (await write(creator, 'Hello')).id);
    await eventually(async () => expect(await feedIds(fan)).toHaveLength(5));

    await restrict(fan, muted, 'mute');
    await restrict(blocker, fan, 'block');
    await restrict(fan, blocked, 'block');
    expect(await feedIds(fan)).toEqual(
      expect.not.arrayContaining([posts.get(muted), posts.get(blocker), posts.get(blocked)]),
    );

    expect((await app.request('DELETE', `/v1/creators/${left.user.id}/follow`, auth(fan))).status).toBe(200);
    expect(await feedIds(fan)).toEqual([posts.get(kept)]); // filtered at once, whatever the consumer's lag
    await eventually(async () => {
      const rows = await sql(app, `select 1 from engagement.feed_inbox where user_id = ? and author_id = ?`, [
        fan.user.id,
        left.user.id,
      ]);
      expect(rows).toHaveLength(0);
    });
    // A block ended the follow both ways, so the blocker's and the blocked's entries leave the inbox too.
    await eventually(async () => {
      const rows = await sql<{ author_id: string }>(
        app,
        `select author_id from engagement.feed_inbox where user_id = ?`,
        [fan.user.id],
      );
      expect(rows.map((r) => r.author_id).sort()).toEqual([muted.user.id, kept.user.id].sort());
    });
  }, 90_000);

  it('keeps a held post out of feeds until trust & safety approves it', async () => {
    const [fan, creator] = [await person(), await person()];
    await follow(app, fan, creator);
    const held = await write(creator, 'This is fucking brilliant');
    expect(held).toMatchObject({ held: true, status: 'held' });
    const visible = await write(creator, 'A clean announcement');
    await eventually(async () => expect(await feedIds(fan)).toEqual([visible.id]));
    // Its author still sees it on their page; nobody else does.
    const own = await app.request('GET', `/v1/creators/${creator.user.id}/posts`, auth(creator));
    expect(own.body.items.map((p: { id: string }) => p.id)).toEqual([visible.id, held.id]);
    const firstPage = await app.request('GET', `/v1/creators/${creator.user.id}/posts?limit=1`, auth(creator));
    expect(firstPage.body.items.map((p: { id: string }) => p.id)).toEqual([visible.id]);
    const secondPage = await app.request(
      'GET',
      `/v1/creators/${creator.user.id}/posts?limit=1&cursor=${firstPage.body.nextCursor}`,
      auth(creator),
    );
    expect(secondPage.body.items).toEqual([expect.objectContaining({ id: held.id, held: true, status: 'held' })]);
    expect(secondPage.body.nextCursor).toBeUndefined();
    const others = await app.request('GET', `/v1/creators/${creator.user.id}/posts`, auth(fan));
    expect(others.body.items.map((p: { id: string }) => p.id)).toEqual([visible.id]);
    const anonymous = await app.request('GET', '/v1/feed/whats-new?limit=50');
    expect(anonymous.body.items.map((e: Entry) => e.id)).not.toContain(held.id);

    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
      [
        randomUUID(),
        'trust-safety.content-actioned.v1',
        JSON.stringify({
          decisionId: randomUUID(),
          contentType: 'post',
          contentId: held.id,
          action: 'approve',
          rule: 'post.profanity',
          reason: 'fine in context',
          decidedAt: new Date().toISOString(),
        }),
        randomUUID(),
      ],
    );
    await eventually(async () => expect(await feedIds(fan)).toEqual([visible.id, held.id]));
  }, 60_000);

  it('merges a creator above the follower threshold on read instead of writing every inbox', async () => {
    const [big, fan, second, third] = [await person(), await person(), await person(), await person()];
    for (const follower of [fan, second, third]) await follow(app, follower, big);
    const post = await write(big, 'To all three of you');
    const video = await publish(big);
    await eventually(async () => expect(await feedIds(fan)).toEqual([video, post.id]));
    await eventually(async () => {
      const marked = await sql(app, `select 1 from engagement.feed_big_creators where creator_id = ?`, [big.user.id]);
      expect(marked).toHaveLength(1);
    });
    const inboxRows = await sql(app, `select 1 from engagement.feed_inbox where item_id = any(?::uuid[])`, [
      `{${post.id},${video}}`,
    ]);
    expect(inboxRows).toHaveLength(0);
    expect(await feedIds(third)).toEqual([video, post.id]);
    // Paging crosses the merged part with the same cursor; muting applies to it too.
    const first = await feed(fan, '?limit=1');
    expect((await feed(fan, `?limit=1&cursor=${first.nextCursor}`)).items.map((e) => e.id)).toEqual([post.id]);
    await restrict(second, big, 'mute');
    expect(await feedIds(second)).toEqual([]);
  }, 90_000);

  it('trims an inbox to FEED_INBOX_CAP, dropping the oldest entries', async () => {
    const [fan, creator] = [await person(), await person()];
    await follow(app, fan, creator);
    const written: string[] = [];
    for (let i = 0; i < 13; i += 1) written.push((await write(creator, `Update ${i}`)).id);
    await eventually(async () => expect((await feedIds(fan))[0]).toBe(written[12]));
    await eventually(async () => {
      const rows = await sql<{ item_id: string }>(
        app,
        `select item_id from engagement.feed_inbox where user_id = ? order by published_at desc, item_id desc`,
        [fan.user.id],
      );
      expect(rows.map((r) => r.item_id)).toEqual(written.slice(3).reverse());
    });
  }, 60_000);

  it('refuses bad posts with stable codes, and only the author deletes a post', async () => {
    const [author, other, fan] = [await person(), await person(), await person()];
    await follow(app, fan, author);
    const post = (body: unknown, user = author) => app.request('POST', '/v1/me/posts', { ...auth(user), body });
    expectProblem(await post({ text: 'x'.repeat(501) }), 400, 'engagement.post.too-long');
    expectProblem(await post({ text: '   ' }), 400, 'engagement.post.invalid');
    for (const text of ['\u0085\u2028\u2029', '\u200B\u200D\u2060', ' \uFEFF\u3000\u200E '])
      expectProblem(await post({ text }), 400, 'engagement.post.invalid');
    expectProblem(await post({}), 400, 'validation.failed');
    expectProblem(await post({ text: 'hi', videoId: 'not-a-uuid' }), 400, 'validation.failed');
    expectProblem(await post({ text: 'hi', videoId: randomUUID() }), 404, 'engagement.video.not-found');
    const othersVideo = await publish(other);
    expectProblem(await post({ text: 'hi', videoId: othersVideo }), 422, 'engagement.post.video-not-own');
    expect(await sql(app, `select 1 from engagement.posts where author_id = ?`, [author.user.id])).toHaveLength(0);
    expect((await app.request('POST', '/v1/me/posts', { body: { text: 'anonymous' } })).status).toBe(401);

    const mine = await write(author, 'Soon deleted');
    await eventually(async () => expect(await feedIds(fan)).toEqual([mine.id]));
    expectProblem(
      await app.request('DELETE', `/v1/me/posts/${mine.id}`, auth(other)),
      404,
      'engagement.post.not-found',
    );
    expectProblem(
      await app.request('DELETE', `/v1/me/posts/${randomUUID()}`, auth(author)),
      404,
      'engagement.post.not-found',
    );
    expect((await app.request('DELETE', `/v1/me/posts/${mine.id}`, auth(author))).status).toBe(204);
    expect(await feedIds(fan)).toEqual([]);
    expectProblem(
      await app.request('DELETE', `/v1/me/posts/${mine.id}`, auth(author)),
      404,
      'engagement.post.not-found',
    );
    expect((await app.request('GET', `/v1/me/feed?cursor=garbage`, auth(fan))).status).toBe(400);
  }, 60_000);

  it('answers what’s new to anonymous visitors: free videos and public posts across the platform', async () => {
    const creator = await person();
    const video = await publish(creator, { title: 'Open to all' });
    const premium = await publish(creator, { accessLevel: 'ad_free' });
    await pause();
    const post = await write(creator, 'Everyone is welcome');
    const answer = await app.request('GET', '/v1/feed/whats-new?limit=50');
    expect(answer.status).toBe(200);
    const ids = answer.body.items.map((e: Entry) => e.id);
    expect(ids.slice(0, 2)).toEqual([post.id, video]);
    expect(ids).not.toContain(premium);
    expect((await app.request('GET', '/v1/feed/whats-new?limit=500')).status).toBe(400);
  }, 60_000);
});
