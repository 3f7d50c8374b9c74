import { randomUUID } from 'node:crypto';
import type { TestApp } from '@lib/platform/testing';
import { auth, outboxEvents, people, publishedVideo, sql, unpublish } from '../../support/interactions.js';
import { connectSocket, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('watch progress, continue watching and history', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterAll(() => app.close());

  const report = (user: RegisteredUser, videoId: string, body: Record<string, unknown>) =>
    app.request('PUT', `/v1/me/progress/${videoId}`, { ...auth(user), body });
  /** Moves the entry's last report back in time, as if the player had been playing since then. */
  const ageEntry = (user: RegisteredUser, videoId: string, seconds: number) =>
    sql(
      app,
      `update engagement.watch_entries set last_watched_at = last_watched_at - make_interval(secs => ?) where user_id = ? and video_id = ?`,
      [seconds, user.user.id, videoId],
    );

  it('keeps the position, lists unfinished videos newest first, and completes past 90% once', async () => {
    const [fan] = await people(app, 1);
    const first = await publishedVideo(app, { durationSeconds: 600, title: 'First' });
    const second = await publishedVideo(app, { durationSeconds: 300, title: 'Second' });

    expect((await report(fan, first.videoId, { positionSeconds: 30 })).body).toMatchObject({
      recorded: true,
      positionSeconds: 30,
      durationSeconds: 600,
      completed: false,
    });
    await report(fan, second.videoId, { positionSeconds: 12.5 });
    const watching = await app.request('GET', '/v1/me/continue-watching', auth(fan));
    expect(watching.body.items.map((item: { title: string }) => item.title)).toEqual(['Second', 'First']);
    expect(watching.body.items[1]).toMatchObject({ positionSeconds: 30, durationSeconds: 600, progress: 0.05 });

    // Playing on: the watch time a report adds is what both the position and the clock vouch for.
    await ageEntry(fan, first.videoId, 10);
    await report(fan, first.videoId, { positionSeconds: 40 });
    await ageEntry(fan, first.videoId, 10);
    await report(fan, first.videoId, { positionSeconds: 500 }); // a seek: 10 s passed, not 460
    expect(
      (await outboxEvents(app, 'engagement.watch-progressed.v1', first.videoId)).map((e) => e.payload.watchedSeconds),
    ).toEqual([10, 10]);

    await ageEntry(fan, first.videoId, 60);
    expect((await report(fan, first.videoId, { positionSeconds: 541 })).body.completed).toBe(true);
    await report(fan, first.videoId, { positionSeconds: 590 });
    const completions = await outboxEvents(app, 'engagement.video-completed.v1', first.videoId);
    expect(completions).toHaveLength(1);
    expect(completions[0].payload).toMatchObject({
      userId: fan.user.id,
      channelId: first.channelId,
      creatorId: first.creatorId,
      watchedSeconds: 61,
    });
    const after = await app.request('GET', '/v1/me/continue-watching', auth(fan));
    expect(after.body.items.map((item: { videoId: string }) => item.videoId)).toEqual([second.videoId]);
    const history = await app.request('GET', '/v1/me/history', auth(fan));
    expect(history.body.items).toMatchObject([
      { videoId: first.videoId, completed: true },
      { videoId: second.videoId, completed: false },
    ]);
  });

  it('completes at the credits before 90%', async () => {
    const [fan] = await people(app, 1);
    const video = await publishedVideo(app, { durationSeconds: 1200 });
    await report(fan, video.videoId, { positionSeconds: 900, creditsReached: true });
    expect(await outboxEvents(app, 'engagement.video-completed.v1', video.videoId)).toHaveLength(1);
  });

  it('refuses negative positions, positions past the end and malformed reports', async () => {
    const [fan] = await people(app, 1);
    const video = await publishedVideo(app, { durationSeconds: 120 });
    for (const body of [{ positionSeconds: -1 }, { positionSeconds: 'ten' }, {}, { positionSeconds: 5, extra: 1 }]) {
      const answer = await report(fan, video.videoId, body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('validation.failed');
    }
    const beyond = await report(fan, video.videoId, { positionSeconds: 500 });
    expect(beyond.status).toBe(400);
    expect(beyond.body).toMatchObject({
      code: 'engagement.progress.beyond-duration',
      positionSeconds: 500,
      durationSeconds: 120,
    });
    expect((await app.request('GET', '/v1/me/history', auth(fan))).body.items).toEqual([]);
    // Unknown and unpublished videos are 404 like everywhere else.
    expect((await report(fan, randomUUID(), { positionSeconds: 1 })).status).toBe(404);
    const gone = await publishedVideo(app);
    await unpublish(app, gone);
    expect((await report(fan, gone.videoId, { positionSeconds: 1 })).body.code).toBe('engagement.video.not-found');
  });

  it('pages history with a cursor, deletes one entry (only one’s own) and clears all', async () => {
    const [fan, other] = await people(app, 2);
    const videos = [];
    for (let i = 0; i < 5; i += 1) {
      const video = await publishedVideo(app, { title: `Episode ${i}` });
      await report(fan, video.videoId, { positionSeconds: 10 });
      videos.push(video);
    }
    const first = await app.request('GET', '/v1/me/history?limit=2', auth(fan));
    expect(first.body.items.map((item: { title: string }) => item.title)).toEqual(['Episode 4', 'Episode 3']);
    const second = await app.request('GET', `/v1/me/history?limit=2&cursor=${first.body.nextCursor}`, auth(fan));
    expect(second.body.items.map((item: { title: string }) => item.title)).toEqual(['Episode 2', 'Episode 1']);
    expect((await app.request('GET', '/v1/me/history?cursor=garbage', auth(fan))).status).toBe(400);

    const entryId = first.body.items[0].id;
    const stranger = await app.request('DELETE', `/v1/me/history/${entryId}`, auth(other));
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('engagement.history-entry.not-found');
    expect((await app.request('DELETE', `/v1/me/history/${entryId}`, auth(fan))).status).toBe(204);
    expect((await app.request('DELETE', `/v1/me/history/${entryId}`, auth(fan))).status).toBe(404);
    const remaining = await app.request('GET', '/v1/me/history', auth(fan));
    expect(remaining.body.items).toHaveLength(4);

    expect((await app.request('DELETE', '/v1/me/history', auth(fan))).body).toEqual({ deleted: 4 });
    expect((await app.request('GET', '/v1/me/history', auth(fan))).body.items).toEqual([]);
  });

  it('switched off, clears the history and keeps nothing new until switched on again', async () => {
    const [fan] = await people(app, 1);
    const video = await publishedVideo(app, { durationSeconds: 100 });
    await report(fan, video.videoId, { positionSeconds: 10 });

    expect(
      (await app.request('PUT', '/v1/me/history/settings', { ...auth(fan), body: { enabled: false } })).body,
    ).toEqual({
      enabled: false,
    });
    expect((await app.request('GET', '/v1/me/history', auth(fan))).body.items).toEqual([]);
    expect((await report(fan, video.videoId, { positionSeconds: 95 })).body).toEqual({
      recorded: false,
      videoId: video.videoId,
    });
    expect((await app.request('GET', '/v1/me/continue-watching', auth(fan))).body.items).toEqual([]);
    expect(await outboxEvents(app, 'engagement.video-completed.v1', video.videoId)).toEqual([]);
    expect((await app.request('GET', '/v1/me/history/settings', auth(fan))).body).toEqual({ enabled: false });

    await app.request('PUT', '/v1/me/history/settings', { ...auth(fan), body: { enabled: true } });
    expect((await report(fan, video.videoId, { positionSeconds: 20 })).body.recorded).toBe(true);
    expect((await app.request('PUT', '/v1/me/history/settings', { ...auth(fan), body: {} })).status).toBe(400);
  });

  it('takes progress over the socket too, validated and answered like HTTP', async () => {
    const [fan] = await people(app, 1);
    const video = await publishedVideo(app, { durationSeconds: 200 });
    const socket = await connectSocket(app, auth(fan));
    try {
      const ask = (payload: unknown) =>
        new Promise<any>((resolve) => socket.emit('progress:report', payload, (answer: unknown) => resolve(answer)));
      expect(await ask({ videoId: video.videoId, positionSeconds: 42 })).toMatchObject({
        progress: { recorded: true, positionSeconds: 42, completed: false },
      });
      expect((await ask({ videoId: video.videoId, positionSeconds: -3 })).error).toMatchObject({
        code: 'validation.failed',
      });
      expect((await ask({ videoId: video.videoId, positionSeconds: 900 })).error).toMatchObject({
        code: 'engagement.progress.beyond-duration',
      });
      expect((await ask({ videoId: randomUUID(), positionSeconds: 1 })).error).toMatchObject({
        code: 'engagement.video.not-found',
      });
    } finally {
      socket.close();
    }
    const watching = await app.request('GET', '/v1/me/continue-watching', auth(fan));
    expect(watching.body.items).toMatchObject([{ videoId: video.videoId, positionSeconds: 42 }]);
  });

  it('limits how often one account reports', async () => {
    const [fan] = await people(app, 1);
    const video = await publishedVideo(app);
    const answers = await Promise.all(
      Array.from({ length: 45 }, (_, i) => report(fan, video.videoId, { positionSeconds: i })),
    );
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(5);
    expect(answers.find((answer) => answer.status === 429)!.body.code).toBe('engagement.progress.rate-limited');
  }, 60_000);
});
