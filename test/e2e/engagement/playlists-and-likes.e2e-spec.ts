import { randomUUID } from 'node:crypto';
import { eventually, type TestApp } from '@lib/platform/testing';
import { auth, people, publishedVideo, unpublish, outboxEvents, sql } from '../../support/interactions.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, readyVideo, studioPerson } from '../studio/studio-helpers.js';

// One app for every describe below: each used to boot its own, and a boot costs seconds of CPU per file.
let app: TestApp;
beforeAll(async () => {
  app = await startShowrunner();
}, 120_000);
afterAll(() => app?.close());

describe('watch later and playlists', () => {
  const put = (user: RegisteredUser, playlist: string, videoId: string) =>
    app.request('PUT', `/v1/playlists/${playlist}/items/${videoId}`, auth(user));
  const order = (answer: { body: { items: Array<{ videoId: string }> } }) =>
    answer.body.items.map((item) => item.videoId);

  it('gives everyone a private "watch later" that keeps videos once, in the order added', async () => {
    const [fan] = await people(app, 1);
    const [a, b] = [await publishedVideo(app, { title: 'A' }), await publishedVideo(app, { title: 'B' })];

    const mine = await app.request('GET', '/v1/me/playlists', auth(fan));
    expect(mine.body.items).toMatchObject([
      { kind: 'watch-later', title: 'Watch later', visibility: 'private', itemCount: 0 },
    ]);
    await put(fan, 'watch-later', a.videoId);
    await put(fan, 'watch-later', b.videoId);
    const again = await put(fan, 'watch-later', a.videoId);
    expect(again.status).toBe(200);
    expect(again.body.items).toMatchObject([
      { videoId: a.videoId, title: 'A', position: 0 },
      { videoId: b.videoId, title: 'B', position: 1 },
    ]);
    // The same list by its id.
    const byId = await app.request('GET', `/v1/playlists/${mine.body.items[0].id}`, auth(fan));
    expect(order(byId)).toEqual([a.videoId, b.videoId]);

    expect(order(await app.request('DELETE', `/v1/playlists/watch-later/items/${a.videoId}`, auth(fan)))).toEqual([
      b.videoId,
    ]);
    expect((await app.request('DELETE', `/v1/playlists/watch-later/items/${a.videoId}`, auth(fan))).status).toBe(200);

    const renamed = await app.request('PATCH', '/v1/playlists/watch-later', {
      ...auth(fan),
      body: { visibility: 'public' },
    });
    expect(renamed.status).toBe(422);
    expect(renamed.body.code).toBe('engagement.playlist.built-in');
    expect((await app.request('DELETE', '/v1/playlists/watch-later', auth(fan))).body.code).toBe(
      'engagement.playlist.built-in',
    );
  });

  it('creates, renames, shares and deletes named playlists; reorders by a whole order or one move', async () => {
    const [owner, viewer] = await people(app, 2);
    const videos = [];
    for (const title of ['One', 'Two', 'Three', 'Four']) videos.push(await publishedVideo(app, { title }));
    const [one, two, three, four] = videos.map((video) => video.videoId);

    const created = await app.request('POST', '/v1/me/playlists', { ...auth(owner), body: { title: '  Cooking  ' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'custom', title: 'Cooking', visibility: 'private', items: [] });
    const id = created.body.id;
    for (const videoId of [one, two, three, four]) await put(owner, id, videoId);

    const moved = await app.request('PATCH', `/v1/playlists/${id}/items`, {
      ...auth(owner),
      body: { move: { videoId: four, position: 0 } },
    });
    expect(order(moved)).toEqual([four, one, two, three]);
    const reordered = await app.request('PATCH', `/v1/playlists/${id}/items`, {
      ...auth(owner),
      body: { order: [three, two, one, four] },
    });
    expect(order(reordered)).toEqual([three, two, one, four]);
    for (const body of [
      { order: [three, two, one] },
      { order: [three, two, one, one] },
      { order: [three, two, one, randomUUID()] },
    ]) {
      const refused = await app.request('PATCH', `/v1/playlists/${id}/items`, { ...auth(owner), body });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('engagement.playlist.order-mismatch');
    }
    expect((await app.request('PATCH', `/v1/playlists/${id}/items`, { ...auth(owner), body: {} })).status).toBe(400);

    // Private: others see nothing; public: others may read it, still not change it.
    expect((await app.request('GET', `/v1/playlists/${id}`, auth(viewer))).status).toBe(404);
    const shared = await app.request('PATCH', `/v1/playlists/${id}`, {
      ...auth(owner),
      body: { visibility: 'public', title: 'Cooking at night', description: 'Late shows' },
    });
    expect(shared.body).toMatchObject({ visibility: 'public', title: 'Cooking at night', description: 'Late shows' });
    expect(order(await app.request('GET', `/v1/playlists/${id}`, auth(viewer)))).toEqual([three, two, one, four]);

    const lists = await app.request('GET', '/v1/me/playlists', auth(owner));
    expect(lists.body.items.map((item: { kind: string }) => item.kind)).toEqual(['watch-later', 'custom']);
    expect(lists.body.items[1]).toMatchObject({ id, itemCount: 4 });

    expect((await app.request('DELETE', `/v1/playlists/${id}`, auth(owner))).status).toBe(204);
    expect((await app.request('GET', `/v1/playlists/${id}`, auth(owner))).status).toBe(404);
  });

  it('answers 404 for someone else’s playlist id, public or not, on every change', async () => {
    const [owner, intruder] = await people(app, 2);
    const video = await publishedVideo(app);
    const { body: playlist } = await app.request('POST', '/v1/me/playlists', {
      ...auth(owner),
      body: { title: 'Mine', visibility: 'public' },
    });
    await put(owner, playlist.id, video.videoId);

    const attempts = [
      app.request('PATCH', `/v1/playlists/${playlist.id}`, { ...auth(intruder), body: { title: 'Hijacked' } }),
      app.request('DELETE', `/v1/playlists/${playlist.id}`, auth(intruder)),
      app.request('PUT', `/v1/playlists/${playlist.id}/items/${video.videoId}`, auth(intruder)),
      app.request('DELETE', `/v1/playlists/${playlist.id}/items/${video.videoId}`, auth(intruder)),
      app.request('PATCH', `/v1/playlists/${playlist.id}/items`, {
        ...auth(intruder),
        body: { order: [video.videoId] },
      }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('engagement.playlist.not-found');
    }
    for (const unknown of [randomUUID(), 'not-a-playlist']) {
      expect((await app.request('GET', `/v1/playlists/${unknown}`, auth(owner))).body.code).toBe(
        'engagement.playlist.not-found',
      );
    }
    const intact = await app.request('GET', `/v1/playlists/${playlist.id}`, auth(owner));
    expect(intact.body).toMatchObject({ title: 'Mine', itemCount: 1 });
  });

  it('adds only published videos the caller may watch, and hides items whose video went away', async () => {
    const [fan] = await people(app, 1);
    const kept = await publishedVideo(app);
    const later = await publishedVideo(app);
    await put(fan, 'watch-later', kept.videoId);
    await put(fan, 'watch-later', later.videoId);

    expect((await put(fan, 'watch-later', randomUUID())).body.code).toBe('engagement.video.not-found');
    const paid = await publishedVideo(app, { accessLevel: 'ad_free' });
    expect((await put(fan, 'watch-later', paid.videoId)).body.code).toBe('billing.entitlement.required');

    await unpublish(app, later);
    const list = await app.request('GET', '/v1/playlists/watch-later', auth(fan));
    expect(list.body).toMatchObject({ itemCount: 1, items: [{ videoId: kept.videoId, position: 0 }] });
    expect((await put(fan, 'watch-later', later.videoId)).body.code).toBe('engagement.video.not-found');
  });

  it('refuses blank or overlong titles and unknown fields', async () => {
    const [fan] = await people(app, 1);
    for (const body of [
      { title: '   ' },
      { title: 'x'.repeat(151) },
      { title: 'ok', visibility: 'friends' },
      { title: 'ok', owner: 'x' },
    ]) {
      const answer = await app.request('POST', '/v1/me/playlists', { ...auth(fan), body });
      expect(answer.status).toBe(400);
      expect(['validation.failed', 'engagement.playlist.invalid']).toContain(answer.body.code);
    }
  });

  it('documents every like, rating, watching and playlist route in OpenAPI with who may call it', async () => {
    const { body } = await app.request('GET', '/docs-json');
    const routes: Record<string, string[]> = {
      '/v1/videos/{videoId}/like': ['put', 'delete'],
      '/v1/videos/{videoId}/rating': ['put', 'delete', 'get'],
      '/v1/me/progress/{videoId}': ['put'],
      '/v1/me/continue-watching': ['get'],
      '/v1/me/history': ['get', 'delete'],
      '/v1/me/history/{entryId}': ['delete'],
      '/v1/me/history/settings': ['get', 'put'],
      '/v1/me/playlists': ['get', 'post'],
      '/v1/playlists/{id}': ['get', 'patch', 'delete'],
      '/v1/playlists/{id}/items/{videoId}': ['put', 'delete'],
      '/v1/playlists/{id}/items': ['patch'],
    };
    for (const [path, methods] of Object.entries(routes))
      for (const method of methods) {
        const operation = body.paths[path]?.[method];
        expect({ path, method, documented: Boolean(operation) }).toEqual({ path, method, documented: true });
        expect(operation.security).toEqual([{ bearer: [] }]);
        expect(operation.description).toMatch(/Signed in/);
        expect(operation.responses['401'].content['application/problem+json']).toBeDefined();
      }
  });
});

/** The whole way: a real upload, transcoded and published by studio, then liked, rated and watched. */
describe('likes and watching on videos studio really published', () => {
  it('follows studio’s publish, unpublish and delete, and lets the channel’s team past the paywall', async () => {
    const creator = await studioPerson(app);
    const [fan] = await people(app, 1);
    const channelId = await createChannel(app, creator, 'Night Kitchen');
    const video = await readyVideo(app, creator, channelId, { title: 'Members ramen', accessLevel: 'ad_free' });
    const like = (user: typeof fan) => app.request('PUT', `/v1/videos/${video.id}/like`, auth(user));

    expect((await like(fan)).body.code).toBe('engagement.video.not-found'); // a draft is nobody's to like
    expect(
      (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
    ).toBe(200);
    await eventually(async () => expect((await like(fan)).body.code).toBe('billing.entitlement.required'));
    // The creator is on the channel's team: no plan needed.
    expect((await like(creator)).body).toEqual({ liked: true, likes: 1 });
    const progress = await app.request('PUT', `/v1/me/progress/${video.id}`, {
      ...auth(creator),
      body: { positionSeconds: 0.5 },
    });
    // Studio's probed length (a one-second clip) bounds the position.
    expect(progress.body).toMatchObject({ recorded: true, durationSeconds: expect.any(Number) });
    expect(
      (await app.request('PUT', `/v1/me/progress/${video.id}`, { ...auth(creator), body: { positionSeconds: 30 } }))
        .body.code,
    ).toBe('engagement.progress.beyond-duration');
    expect(await outboxEvents(app, 'engagement.video-liked.v1', video.id)).toEqual([
      { version: 2, payload: expect.objectContaining({ channelId, creatorId: creator.user.id, likes: 1 }) },
    ]);

    expect(
      (await app.request('POST', `/v1/studio/videos/${video.id}/unpublish`, { ...auth(creator), body: {} })).status,
    ).toBe(200);
    await eventually(async () => expect((await like(creator)).body.code).toBe('engagement.video.not-found'));
    expect(
      (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
    ).toBe(200);
    await eventually(async () => expect((await like(creator)).status).toBe(200));

    expect((await app.request('DELETE', `/v1/studio/videos/${video.id}`, auth(creator))).status).toBe(200);
    await eventually(async () => expect((await like(creator)).body.code).toBe('engagement.video.not-found'));
  }, 180_000);
});

describe('likes, ratings, watch time and completions as insights facts', () => {
  it('records each as a domain fact of the video’s channel, once per event', async () => {
    const [fan] = await people(app, 1);
    const video = await publishedVideo(app, { durationSeconds: 100 });
    await app.request('PUT', `/v1/videos/${video.videoId}/like`, auth(fan));
    await app.request('PUT', `/v1/videos/${video.videoId}/rating`, { ...auth(fan), body: { stars: 4 } });
    await app.request('PUT', `/v1/me/progress/${video.videoId}`, { ...auth(fan), body: { positionSeconds: 10 } });
    await sql(
      app,
      `update engagement.watch_entries set last_watched_at = last_watched_at - interval '30 seconds' where user_id = ?`,
      [fan.user.id],
    );
    await app.request('PUT', `/v1/me/progress/${video.videoId}`, { ...auth(fan), body: { positionSeconds: 95 } });

    const facts = await eventually(async () => {
      const rows = await sql<{
        name: string;
        user_id: string;
        channel_id: string;
        creator_id: string;
        watch_seconds: number | null;
        properties: Record<string, unknown>;
      }>(
        app,
        `select name, user_id, channel_id, creator_id, watch_seconds, properties from insights.events
          where source = 'domain' and video_id = ? order by name`,
        [video.videoId],
      );
      expect(rows.map((row) => row.name)).toEqual(['completion', 'like', 'rating', 'watch_time']);
      return rows;
    });
    for (const fact of facts)
      expect(fact).toMatchObject({ user_id: fan.user.id, channel_id: video.channelId, creator_id: video.creatorId });
    expect(facts.find((fact) => fact.name === 'rating')!.properties).toMatchObject({ stars: 4 });
    expect(Number(facts.find((fact) => fact.name === 'watch_time')!.watch_seconds)).toBe(30);
  });
});
