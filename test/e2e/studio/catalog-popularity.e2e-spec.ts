import { randomUUID } from 'node:crypto';
import { eventsConsumed, eventually, type TestApp } from '@lib/platform/testing';
import { startBillingOnFakeStripe, type BillingOnFakeStripe } from '../../support/billing.js';
import { clientEvent, hourAgo, rebuildRollups, track } from '../../support/insights.js';
import { sql } from '../../support/interactions.js';
import { auth, createChannel, readyVideo, studioPerson } from './studio-helpers.js';

/** The catalog's views, likes, popularity and trending come from insights' and engagement's events. */
describe('catalog popularity and trending', () => {
  let billing: BillingOnFakeStripe;
  let app: TestApp;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    app = billing.app;
  }, 120_000);
  afterAll(() => billing.close());

  const catalog = (query: string) => app.request('GET', `/v1/catalog${query}`);
  const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);
  const itemOf = async (creatorId: string, videoId: string) =>
    (await catalog(`?creator=${creatorId}&limit=50`)).body.items.find((item: { id: string }) => item.id === videoId);

  /** Writes another context's event into the outbox as its commit would. */
  async function publishEvent(type: string, payload: Record<string, unknown>, aggregateVersion: number | null = null) {
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, ?, now())`,
      [randomUUID(), type, JSON.stringify(payload), randomUUID(), aggregateVersion],
    );
  }

  it('sorts by popularity (views + 10 × likes) and by trending, ignoring late older counts, with edits in between', async () => {
    const creator = await studioPerson(app);
    const fan = await studioPerson(app);
    const channelId = await createChannel(app, creator, 'Counting Kitchen');
    const liked = await readyVideo(app, creator, channelId, { title: 'Liked soup' });
    const watched = await readyVideo(app, creator, channelId, { title: 'Watched stew' });
    for (const video of [liked, watched])
      expect(
        (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
      ).toBe(200);
    await eventually(async () =>
      expect(ids(await catalog(`?creator=${creator.user.id}`)).sort()).toEqual([liked.id, watched.id].sort()),
    );
    expect(await itemOf(creator.user.id, liked.id)).toMatchObject({ views: 0, likes: 0, popularity: 0, trending: 0 });

    // Views as insights counts them: three viewers, one of them twice in a window, and a bot (dropped).
    const at = new Date(Date.now() - 5_000);
    const start = (sessionId: string) => clientEvent('video_start', at, { sessionId, videoId: watched.id });
    expect((await track(app, [start('a'), start('a'), start('b'), start('c')])).status).toBe(200);
    await track(app, [start('bot')], { userAgent: 'curl/8.4.0' });
    await rebuildRollups(app, hourAgo(1), new Date(hourAgo(0).getTime() + 3_600_000));
    await eventually(async () => expect(await itemOf(creator.user.id, watched.id)).toMatchObject({ views: 3 }));

    // One like: 10 points beat 3 views.
    await eventually(async () =>
      expect((await app.request('PUT', `/v1/videos/${liked.id}/like`, auth(fan))).status).toBe(200),
    );
    await eventually(async () =>
      expect(await itemOf(creator.user.id, liked.id)).toMatchObject({ likes: 1, popularity: 10 }),
    );
    expect(await itemOf(creator.user.id, watched.id)).toMatchObject({ views: 3, likes: 0, popularity: 3 });
    expect(ids(await catalog(`?creator=${creator.user.id}&sort=popularity`))).toEqual([liked.id, watched.id]);

    // Late, older counts change nothing: a like count with a lower tally version, views counted before.
    const [tally] = await sql<{ version: number }>(
      app,
      `select version from engagement.like_tallies where target_type = 'video' and target_id = ?`,
      [liked.id],
    );
    await publishEvent(
      'engagement.video-liked.v1',
      {
        videoId: liked.id,
        channelId,
        creatorId: creator.user.id,
        userId: fan.user.id,
        likes: 50,
        likedAt: new Date(Date.now() - 60_000).toISOString(),
      },
      Number(tally.version) - 1,
    );
    await publishEvent('insights.video-views-counted.v1', {
      counts: [{ videoId: watched.id, views: 999 }],
      countedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    await eventsConsumed(app, 'studio.project-catalog-counts', {
      type: 'engagement.video-liked.v1',
      payload: { videoId: liked.id },
      atLeast: 2,
    });
    await eventsConsumed(app, 'studio.project-catalog-counts', {
      type: 'insights.video-views-counted.v1',
      atLeast: 2,
    });
    expect(await itemOf(creator.user.id, liked.id)).toMatchObject({ likes: 1, popularity: 10 });
    expect(await itemOf(creator.user.id, watched.id)).toMatchObject({ views: 3 });

    // An edit after the counts keeps them, and counts after the edit keep the edit.
    await app.request('PATCH', `/v1/studio/videos/${watched.id}`, {
      ...auth(creator),
      body: { title: 'Watched stew, retitled' },
    });
    await eventually(async () => expect(ids(await catalog('?q=retitled'))).toEqual([watched.id]));
    expect(await itemOf(creator.user.id, watched.id)).toMatchObject({ views: 3, popularity: 3 });

    // Trending from the trending job's event; a recompute older than the last one is ignored.
    const computedAt = new Date();
    await publishEvent('engagement.video-trend-scores-changed.v1', {
      scores: [
        { videoId: watched.id, score: 7.5 },
        { videoId: liked.id, score: 1.25 },
      ],
      computedAt: computedAt.toISOString(),
    });
    await eventually(async () =>
      expect(ids(await catalog(`?creator=${creator.user.id}&sort=trending`))).toEqual([watched.id, liked.id]),
    );
    expect(await itemOf(creator.user.id, watched.id)).toMatchObject({ trending: 7.5, title: 'Watched stew, retitled' });
    await publishEvent('engagement.video-trend-scores-changed.v1', {
      scores: [{ videoId: liked.id, score: 100 }],
      computedAt: new Date(computedAt.getTime() - 60_000).toISOString(),
    });
    await eventsConsumed(app, 'studio.project-catalog-counts', {
      type: 'engagement.video-trend-scores-changed.v1',
      atLeast: 2,
    });
    expect(ids(await catalog(`?creator=${creator.user.id}&sort=trending`))).toEqual([watched.id, liked.id]);
    expect(await itemOf(creator.user.id, liked.id)).toMatchObject({ trending: 1.25 });

    // The counts survive unpublishing and come back with the video.
    await app.request('POST', `/v1/studio/videos/${liked.id}/unpublish`, auth(creator));
    await eventually(async () => expect(ids(await catalog(`?creator=${creator.user.id}`))).toEqual([watched.id]));
    await app.request('POST', `/v1/studio/videos/${liked.id}/publish`, { ...auth(creator), body: {} });
    await eventually(async () =>
      expect(await itemOf(creator.user.id, liked.id)).toMatchObject({ likes: 1, popularity: 10, trending: 1.25 }),
    );
    expect((await catalog('?sort=hottest')).status).toBe(400);
  }, 240_000);
});
