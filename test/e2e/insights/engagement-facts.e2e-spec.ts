import { eventually, type TestApp } from '@lib/platform/testing';
import { auth, people, publishedVideo, sql } from '../../support/interactions.js';
import { startShowrunner } from '../../support/showrunner.js';

describe('likes, ratings, watch time and completions as insights facts', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

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
