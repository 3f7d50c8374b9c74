import { eventually, type TestApp } from '@lib/platform/testing';
import { auth, outboxEvents, people } from '../../support/interactions.js';
import { startShowrunner } from '../../support/showrunner.js';
import { createChannel, readyVideo, studioPerson } from '../studio/studio-helpers.js';

/** The whole way: a real upload, transcoded and published by studio, then liked, rated and watched. */
describe('likes and watching on videos studio really published', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

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
