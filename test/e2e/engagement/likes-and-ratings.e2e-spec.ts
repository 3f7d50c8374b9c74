import { randomUUID } from 'node:crypto';
import type { TestApp } from '@lib/platform/testing';
import { auth, deleteVideo, outboxEvents, people, publishedVideo, unpublish } from '../../support/interactions.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('likes and ratings', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

  const like = (user: RegisteredUser, videoId: string) => app.request('PUT', `/v1/videos/${videoId}/like`, auth(user));
  const unlike = (user: RegisteredUser, videoId: string) =>
    app.request('DELETE', `/v1/videos/${videoId}/like`, auth(user));
  const rate = (user: RegisteredUser, videoId: string, stars: unknown) =>
    app.request('PUT', `/v1/videos/${videoId}/rating`, { ...auth(user), body: { stars } });

  it('likes once however often asked, unlikes what was never liked harmlessly, and announces each change once', async () => {
    const video = await publishedVideo(app);
    const [fan] = await people(app, 1);

    expect((await unlike(fan, video.videoId)).body).toEqual({ liked: false, likes: 0 });
    expect((await like(fan, video.videoId)).body).toEqual({ liked: true, likes: 1 });
    expect((await like(fan, video.videoId)).body).toEqual({ liked: true, likes: 1 });
    expect(await outboxEvents(app, 'engagement.video-liked.v1', video.videoId)).toEqual([
      {
        version: 2,
        payload: expect.objectContaining({
          videoId: video.videoId,
          channelId: video.channelId,
          creatorId: video.creatorId,
          userId: fan.user.id,
          likes: 1,
        }),
      },
    ]);
    expect((await unlike(fan, video.videoId)).body).toEqual({ liked: false, likes: 0 });
    expect((await unlike(fan, video.videoId)).body).toEqual({ liked: false, likes: 0 });
    expect(await outboxEvents(app, 'engagement.video-unliked.v1', video.videoId)).toHaveLength(1);
  });

  it('counts exactly when many people like the same video at the same moment', async () => {
    const video = await publishedVideo(app);
    const fans = await people(app, 16);

    const answers = await Promise.all(fans.map((fan) => like(fan, video.videoId)));
    expect(answers.map((answer) => answer.status)).toEqual(fans.map(() => 200));
    // Each answer saw a distinct count: the likes were serialised, none lost.
    expect(new Set(answers.map((answer) => answer.body.likes)).size).toBe(16);

    const events = await outboxEvents(app, 'engagement.video-liked.v1', video.videoId);
    expect(events).toHaveLength(16);
    // The highest version carries the final count, so a consumer keeping the newest version ends at 16.
    expect(events[events.length - 1].payload.likes).toBe(16);
    expect(new Set(events.map((event) => event.version)).size).toBe(16);

    await Promise.all(fans.slice(0, 10).map((fan) => unlike(fan, video.videoId)));
    expect((await like(fans[15], video.videoId)).body.likes).toBe(6);
  }, 120_000);

  it('refuses a flood of likes from one account and counts it once', async () => {
    const video = await publishedVideo(app);
    const [flooder, other] = await people(app, 2);

    const answers = await Promise.all(Array.from({ length: 40 }, () => like(flooder, video.videoId)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200).length).toBe(30);
    const refused = answers.find((answer) => answer.status === 429)!;
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'engagement.like.rate-limited', limit: 30 });
    expect(await outboxEvents(app, 'engagement.video-liked.v1', video.videoId)).toHaveLength(1);
    expect((await like(other, video.videoId)).body).toEqual({ liked: true, likes: 2 });
  }, 60_000);

  it('rates 1 to 5 stars, one rating per person, with the average, distribution and the caller’s own', async () => {
    const video = await publishedVideo(app);
    const [ann, bob, cat] = await people(app, 3);

    expect((await rate(ann, video.videoId, 5)).body).toMatchObject({ average: 5, count: 1, mine: 5 });
    await rate(bob, video.videoId, 2);
    await rate(cat, video.videoId, 4);
    // Ann changes her mind: still one rating of hers.
    await rate(ann, video.videoId, 3);
    const view = await app.request('GET', `/v1/videos/${video.videoId}/rating`, auth(bob));
    expect(view.body).toEqual({
      videoId: video.videoId,
      average: 3,
      count: 3,
      distribution: { '1': 0, '2': 1, '3': 1, '4': 1, '5': 0 },
      mine: 2,
    });
    const rated = await outboxEvents(app, 'engagement.video-rated.v1', video.videoId);
    expect(rated.map((event) => [event.payload.stars, event.payload.previousStars])).toEqual([
      [5, null],
      [2, null],
      [4, null],
      [3, 5],
    ]);
    // The same rating again changes nothing and announces nothing.
    await rate(cat, video.videoId, 4);
    expect(await outboxEvents(app, 'engagement.video-rated.v1', video.videoId)).toHaveLength(4);

    const withdrawn = await app.request('DELETE', `/v1/videos/${video.videoId}/rating`, auth(ann));
    expect(withdrawn.body).toMatchObject({ average: 3, count: 2, mine: null });
    expect(await outboxEvents(app, 'engagement.video-rating-withdrawn.v1', video.videoId)).toEqual([
      { version: expect.any(Number), payload: expect.objectContaining({ previousStars: 3, count: 2 }) },
    ]);
    expect((await app.request('DELETE', `/v1/videos/${video.videoId}/rating`, auth(ann))).status).toBe(200);
    expect(await outboxEvents(app, 'engagement.video-rating-withdrawn.v1', video.videoId)).toHaveLength(1);
  });

  it('refuses ratings outside 1–5 and non-numbers with a 400 naming the field', async () => {
    const video = await publishedVideo(app);
    const [fan] = await people(app, 1);
    for (const stars of [0, 6, -1, 2.5, '5', null]) {
      const answer = await rate(fan, video.videoId, stars);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('validation.failed');
      expect(answer.body.errors[0].field).toBe('stars');
    }
    expect((await app.request('GET', `/v1/videos/${video.videoId}/rating`, auth(fan))).body.count).toBe(0);
  });

  it('answers 404 for liking or rating an unknown, unpublished or deleted video, and 403 without the plan', async () => {
    const [fan] = await people(app, 1);
    const unpublished = await publishedVideo(app);
    await like(fan, unpublished.videoId);
    await unpublish(app, unpublished);
    const deleted = await publishedVideo(app);
    await deleteVideo(app, deleted);

    for (const videoId of [randomUUID(), unpublished.videoId, deleted.videoId]) {
      for (const answer of [await like(fan, videoId), await unlike(fan, videoId), await rate(fan, videoId, 4)]) {
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe('engagement.video.not-found');
      }
      expect((await app.request('GET', `/v1/videos/${videoId}/rating`, auth(fan))).status).toBe(404);
    }
    expect((await like(fan, 'not-a-uuid')).status).toBe(400);

    // A members-only episode: a free account may not like what it may not watch.
    const paid = await publishedVideo(app, { accessLevel: 'ad_free' });
    const refused = await like(fan, paid.videoId);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('billing.entitlement.required');
    expect(await outboxEvents(app, 'engagement.video-liked.v1', paid.videoId)).toEqual([]);
    // Anonymous callers are refused before anything is looked up.
    expect((await app.request('PUT', `/v1/videos/${paid.videoId}/like`)).status).toBe(401);
  });
});
