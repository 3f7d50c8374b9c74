import { randomUUID } from 'node:crypto';
import { eventsConsumed, eventually } from '@lib/platform/testing';
import { subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { comment, studioVideoEvent } from '../../support/comments.js';
import { hourAgo, rebuildRollups, startInsightsWithBilling } from '../../support/insights.js';
import { auth, person } from '../../support/messaging.js';
import { sql } from '../../support/interactions.js';
import { createChannel, studioPerson } from '../studio/studio-helpers.js';

/** The channel dashboard's engagement: net likes, comments and ratings beside new followers. */
describe('insights: engagement on the creator dashboard', () => {
  let harness: BillingOnFakeStripe;

  beforeAll(async () => {
    harness = await startInsightsWithBilling();
  }, 120_000);
  afterAll(() => harness.close());

  it('counts comments, likes and ratings (net of deletions, unlikes and withdrawals) as facts of the channel', async () => {
    const { app, fake } = harness;
    const creator = await studioPerson(app);
    await subscribe(app, fake, creator, 'creator-plus');
    const channelId = await createChannel(app, creator);
    const [ann, bob] = [await person(app), await person(app)];
    const videoId = randomUUID();
    // Studio's publish event for a video of the creator's real channel, as studio's commit writes it.
    await studioVideoEvent(app, 'studio.video-published.v1', {
      videoId,
      channelId,
      creatorId: creator.user.id,
      title: 'Episode',
      accessLevel: 'free',
      earlyAccessDays: null,
      seriesId: null,
      durationSeconds: 100,
      publishedAt: new Date().toISOString(),
    });
    await eventually(async () => {
      expect((await app.request('GET', `/v1/videos/${videoId}/comments`, auth(ann))).status).toBe(200);
      expect((await app.request('PUT', `/v1/videos/${videoId}/like`, auth(ann))).status).toBe(200);
    });
    await app.request('PUT', `/v1/videos/${videoId}/like`, auth(bob));
    await app.request('DELETE', `/v1/videos/${videoId}/like`, auth(bob));
    await app.request('PUT', `/v1/videos/${videoId}/rating`, { ...auth(ann), body: { stars: 5 } });
    await app.request('PUT', `/v1/videos/${videoId}/rating`, { ...auth(ann), body: { stars: 4 } }); // a change, not a new rating
    await app.request('PUT', `/v1/videos/${videoId}/rating`, { ...auth(bob), body: { stars: 2 } });
    await comment(app, ann, videoId, 'Lovely');
    const gone = await comment(app, bob, videoId, 'Never mind');
    await comment(app, bob, videoId, 'Actually, nice');
    expect((await app.request('DELETE', `/v1/comments/${gone.id}`, auth(bob))).status).toBe(200);

    await eventsConsumed(app, 'insights.record-comments', {
      type: 'engagement.comment-deleted.v1',
      payload: { videoId },
    });
    await eventsConsumed(app, 'insights.record-comments', {
      type: 'engagement.comment-posted.v1',
      payload: { videoId },
      atLeast: 3,
    });
    await eventsConsumed(app, 'insights.record-interactions', {
      type: 'engagement.video-rated.v1',
      payload: { videoId },
      atLeast: 3,
    });
    await eventsConsumed(app, 'insights.record-interactions', {
      type: 'engagement.video-unliked.v1',
      payload: { videoId },
    });
    const comments = await sql<{ creator_id: string; channel_id: string }>(
      app,
      `select creator_id, channel_id from insights.events where source = 'domain' and name = 'comment' and video_id = ?`,
      [videoId],
    );
    expect(comments).toHaveLength(3);
    for (const fact of comments) expect(fact).toEqual({ creator_id: creator.user.id, channel_id: channelId });

    await rebuildRollups(app, hourAgo(1), new Date(Date.now() + 3_600_000));
    const from = hourAgo(24).toISOString();
    const to = new Date(hourAgo(0).getTime() + 3_600_000).toISOString();
    const overview = await app.request('GET', `/v1/insights/channels/${channelId}/overview?from=${from}&to=${to}`, {
      token: creator.tokens.accessToken,
    });
    expect(overview.status).toBe(200);
    expect(overview.body.metrics).toMatchObject({
      likes: { value: 1 },
      comments: { value: 2 },
      ratings: { value: 2 },
      newFollowers: { value: 0 },
    });
    const series = overview.body.series as Array<{ likes: number; comments: number; ratings: number }>;
    expect(series.reduce((sum, point) => sum + point.comments, 0)).toBe(2);
    expect(series.reduce((sum, point) => sum + point.likes, 0)).toBe(1);
  }, 120_000);
});
