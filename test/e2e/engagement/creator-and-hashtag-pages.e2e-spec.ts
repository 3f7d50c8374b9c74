import { eventually, type TestApp } from '@lib/platform/testing';
import { startBillingOnFakeStripe, type BillingOnFakeStripe } from '../../support/billing.js';
import { comment } from '../../support/comments.js';
import { follow, person } from '../../support/messaging.js';
import { auth, createChannel, readyVideo, studioPerson } from '../studio/studio-helpers.js';

/** A creator's page and a hashtag's page, from engagement's people, follows and comments and studio's videos. */
describe('creator and hashtag pages', () => {
  let billing: BillingOnFakeStripe;
  let app: TestApp;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    app = billing.app;
  }, 120_000);
  afterAll(() => billing.close());

  it('shows a creator’s profile, channels, counts and latest videos, and a hashtag’s videos and comments, minus blocked people', async () => {
    const creator = await studioPerson(app);
    const [fan, blocker] = [await person(app), await person(app)];
    const kitchen = await createChannel(app, creator, 'Pages Kitchen');
    const side = await createChannel(app, creator, 'Side Dishes');
    const older = await readyVideo(app, creator, kitchen, { title: 'Café au lait', tags: ['Café', 'drinks'] });
    const newer = await readyVideo(app, creator, side, { title: 'Café crème', tags: ['#CAFÉ'] });
    const draft = await readyVideo(app, creator, kitchen, { title: 'Not yet', tags: ['café'] });
    for (const video of [older, newer]) {
      expect(
        (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
      ).toBe(200);
      // Engagement takes comments once studio's publish event reached it.
      await eventually(async () =>
        expect((await app.request('GET', `/v1/videos/${video.id}/comments`, auth(fan))).status).toBe(200),
      );
    }
    await follow(app, fan, creator);
    await comment(app, fan, older.id, 'Best #café in town');
    await comment(app, creator, newer.id, 'Thanks! #ＣＡＦÉ forever');
    await comment(app, fan, newer.id, 'No tag here');

    // The creator's page, anonymous and signed in.
    const page = await app.request('GET', `/v1/creators/${creator.user.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      creator: { userId: creator.user.id, handle: creator.user.handle, displayName: creator.user.displayName },
      followerCount: 1,
      viewerFollows: null,
      videoCount: 2,
    });
    expect(page.body.channels.map((channel: { name: string }) => channel.name)).toEqual([
      'Pages Kitchen',
      'Side Dishes',
    ]);
    expect(page.body.latestVideos.map((video: { videoId: string }) => video.videoId)).toEqual([newer.id, older.id]);
    expect(JSON.stringify(page.body)).not.toContain(draft.id);
    expect((await app.request('GET', `/v1/creators/${creator.user.id}`, auth(fan))).body.viewerFollows).toBe(true);
    expect((await app.request('GET', `/v1/creators/${creator.user.id}?limit=1`)).body).toMatchObject({
      videoCount: 2,
      latestVideos: [{ videoId: newer.id }],
    });
    expect(await app.request('GET', '/v1/creators/0190c5c2-7a0b-7d3e-9f00-000000000000')).toMatchObject({
      status: 404,
      body: { code: 'engagement.person.not-found' },
    });
    expect((await app.request('GET', '/v1/creators/not-an-id')).status).toBe(400);
    expect((await app.request('GET', `/v1/creators/${creator.user.id}?limit=500`)).status).toBe(400);

    // The hashtag's page: every spelling is one tag.
    for (const spelling of ['%23Caf%C3%A9', 'CAF%C3%89', '%EF%BD%83%EF%BD%81%EF%BD%86%C3%A9']) {
      const tag = await app.request('GET', `/v1/hashtags/${spelling}`);
      expect(tag.status).toBe(200);
      expect(tag.body).toMatchObject({ tag: 'café', commentCount: 2, videoCount: 2 });
      expect(tag.body.latestVideos.map((video: { videoId: string }) => video.videoId)).toEqual([newer.id, older.id]);
      expect(tag.body.latestComments.map((c: { text: string }) => c.text)).toEqual([
        'Thanks! #ＣＡＦÉ forever',
        'Best #café in town',
      ]);
    }
    expect(await app.request('GET', '/v1/hashtags/12345')).toMatchObject({
      status: 400,
      body: { code: 'engagement.hashtag.invalid' },
    });

    // Someone who blocks the creator: no creator page, and the creator's videos and comments are left out.
    expect((await app.request('POST', `/v1/users/${creator.user.id}/block`, auth(blocker))).status).toBeLessThan(300);
    expect(await app.request('GET', `/v1/creators/${creator.user.id}`, auth(blocker))).toMatchObject({
      status: 403,
      body: { code: 'engagement.restriction.blocked' },
    });
    const blocked = await app.request('GET', '/v1/hashtags/caf%C3%A9', auth(blocker));
    expect(blocked.body).toMatchObject({ tag: 'café', videoCount: 0, latestVideos: [] });
    expect(blocked.body.latestComments.map((c: { text: string }) => c.text)).toEqual(['Best #café in town']);
  }, 240_000);
});
