import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { BillingApi } from '@lib/billing/contracts';
import { eventually, startTestContext, type TestApp } from '@lib/platform/testing';
import { WorkerModule } from '../../../apps/worker/src/worker.module.js';
import { connectSocket, startShowrunner } from '../../support/showrunner.js';
import { Publisher } from '../../../libs/studio/src/application/publishing/publisher.js';
import { PUBLISH_QUEUE } from '../../../libs/studio/src/application/publishing/publish-queue.js';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaStorage } from '../../../libs/studio/src/application/media/media-storage.js';
import {
  addMember,
  auth,
  createChannel,
  outboxPayloads,
  readyVideo,
  sql,
  studioPerson,
  untilState,
  uploadClip,
} from './studio-helpers.js';

describe('studio videos, processing and publishing', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  }, 60_000);
  afterAll(() => app.close());

  it('creates a video from a real upload, pushes progress to the team, and reaches ready with renditions', async () => {
    const [owner, viewer] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, viewer, 'viewer');
    const socket = await connectSocket(app, { token: viewer.tokens.accessToken });
    const pushed: Array<{ videoId: string; state: string; percent: number }> = [];
    socket.on('studio:video-processing', (payload) => pushed.push(payload));
    try {
      const uploadId = await uploadClip(app, owner, channelId);
      const created = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
        ...auth(owner),
        body: {
          title: 'Pilot',
          uploadId,
          description: 'First night',
          tags: ['Cooking', 'night'],
          category: 'food',
          language: 'en',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ title: 'Pilot', tags: ['cooking', 'night'], accessLevel: 'free' });
      expect(['processing', 'ready']).toContain(created.body.state);
      const ready = await untilState(app, viewer, created.body.id, 'ready');
      expect(ready.progress.percent).toBe(100);
      expect(ready.renditions.length).toBeGreaterThan(0);
      expect(ready.thumbnails.length).toBeGreaterThan(0);
      expect(ready.durationSeconds).toBeGreaterThan(0);
      await eventually(() =>
        expect(pushed.some((event) => event.videoId === created.body.id && event.state === 'ready')).toBe(true),
      );
      expect(
        await outboxPayloads(app, 'studio.transcoding-progressed.v1', 'videoId', created.body.id),
      ).not.toHaveLength(0);

      // The same upload cannot make a second video.
      const again = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
        ...auth(owner),
        body: { title: 'Copy', uploadId },
      });
      expect([again.status, again.body.code]).toEqual([409, 'studio.upload.already-used']);
      const library = await app.request('GET', `/v1/studio/channels/${channelId}/library`, auth(owner));
      expect(library.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    } finally {
      socket.close();
    }
  });

  it('shows a failed video with its stable error code, pushes it, and retries it to ready', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const uploadId = await uploadClip(app, owner, channelId);
    // The stored original disappears: the probe step cannot read it.
    const storage = app.app.get(MediaStorage);
    const original = `uploads/${uploadId}/original`;
    const backup = join(mkdtempSync(join(tmpdir(), 'studio-backup-')), 'original');
    copyFileSync(await storage.localPath(original, tmpdir()), backup);
    await storage.delete(original);
    const socket = await connectSocket(app, { token: owner.tokens.accessToken });
    const pushed: Array<{ state: string; error: unknown }> = [];
    socket.on('studio:video-processing', (payload) => pushed.push(payload));
    try {
      const created = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
        ...auth(owner),
        body: { title: 'Broken', uploadId },
      });
      const failed = await untilState(app, owner, created.body.id, 'failed');
      expect(failed.error).toEqual({ code: 'studio.media.unreadable', message: expect.any(String), step: 'probe' });
      await eventually(() =>
        expect(pushed).toContainEqual(
          expect.objectContaining({
            state: 'failed',
            error: expect.objectContaining({ code: 'studio.media.unreadable' }),
          }),
        ),
      );
      expect(await outboxPayloads(app, 'studio.transcoding-failed.v1', 'videoId', created.body.id)).toEqual([
        expect.objectContaining({ step: 'probe', code: 'studio.media.unreadable', channelId }),
      ]);
      const notNow = await app.request('POST', `/v1/studio/videos/${created.body.id}/publish`, {
        ...auth(owner),
        body: {},
      });
      expect([notNow.status, notNow.body.code]).toEqual([409, 'studio.video.not-ready']);

      await storage.putFile(original, backup);
      const retried = await app.request('POST', `/v1/studio/videos/${created.body.id}/retry`, auth(owner));
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ state: 'processing', error: null });
      await untilState(app, owner, created.body.id, 'ready');
      const again = await app.request('POST', `/v1/studio/videos/${created.body.id}/retry`, auth(owner));
      expect([again.status, again.body.code]).toEqual([409, 'studio.video.illegal-transition']);
    } finally {
      socket.close();
    }
  });

  it('refuses to create a video from an unknown upload and leaves no draft behind', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const answer = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      ...auth(owner),
      body: { title: 'Ghost', uploadId: '0193f000-0000-7000-8000-000000000000' },
    });
    expect([answer.status, answer.body.code]).toEqual([404, 'studio.upload.not-found']);
    expect(await sql(app, `select id from studio.videos where channel_id = ?`, [channelId])).toEqual([]);
  });

  it('hides another creator’s videos (404) and refuses edits from a viewer (403)', async () => {
    const [owner, viewer, stranger] = [await studioPerson(app), await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, viewer, 'viewer');
    const video = await readyVideo(app, owner, channelId);
    const strangerChannel = await createChannel(app, stranger);

    for (const [method, path, body] of [
      ['GET', `/v1/studio/videos/${video.id}`, undefined],
      ['PATCH', `/v1/studio/videos/${video.id}`, { title: 'Mine' }],
      ['POST', `/v1/studio/videos/${video.id}/publish`, {}],
      ['POST', `/v1/studio/videos/${video.id}/unpublish`, undefined],
      ['POST', `/v1/studio/videos/${video.id}/retry`, undefined],
      ['PUT', `/v1/studio/videos/${video.id}/captions/en`, { content: 'WEBVTT\n\n00:00.000 --> 00:01.000\nHi' }],
      ['DELETE', `/v1/studio/videos/${video.id}`, undefined],
    ] as const) {
      const answer = await app.request(method, path, { ...auth(stranger), body });
      expect([method, path, answer.status, answer.body.code]).toEqual([method, path, 404, 'studio.video.not-found']);
    }
    const strangersLibrary = await app.request('GET', `/v1/studio/channels/${channelId}/library`, auth(stranger));
    expect(strangersLibrary.status).toBe(404);
    const intoOtherChannel = await app.request('POST', `/v1/studio/channels/${strangerChannel}/videos`, {
      ...auth(owner),
      body: { title: 'x', uploadId: 'whatever' },
    });
    expect(intoOtherChannel.status).toBe(404);

    const edit = await app.request('PATCH', `/v1/studio/videos/${video.id}`, {
      ...auth(viewer),
      body: { title: 'Viewer edit' },
    });
    expect([edit.status, edit.body.code]).toEqual([403, 'studio.channel.role-required']);
    const publish = await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(viewer), body: {} });
    expect(publish.status).toBe(403);
    const create = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      ...auth(viewer),
      body: { title: 'x', uploadId: 'whatever' },
    });
    expect(create.status).toBe(403);
    expect((await app.request('GET', `/v1/studio/videos/${video.id}`, auth(viewer))).status).toBe(200);
    // The media side asks this side's ChannelAccess: a viewer cannot upload.
    await expect(uploadClip(app, viewer, channelId)).rejects.toThrow(/tus create failed: 403/);
  });

  it('edits metadata, chooses a thumbnail, and validates captions (WebVTT kept, SRT converted, anything else refused)', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const video = await readyVideo(app, owner, channelId);
    const edited = await app.request('PATCH', `/v1/studio/videos/${video.id}`, {
      ...auth(owner),
      body: { title: 'Renamed', accessLevel: 'ad_free', earlyAccessDays: 7, thumbnail: video.thumbnails.length - 1 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Renamed',
      accessLevel: 'ad_free',
      earlyAccessDays: 7,
      chosenThumbnail: video.thumbnails.length - 1,
    });
    const badThumb = await app.request('PATCH', `/v1/studio/videos/${video.id}`, {
      ...auth(owner),
      body: { title: 'Not applied', thumbnail: 99 },
    });
    expect(badThumb.status).toBe(400);
    expect((await app.request('GET', `/v1/studio/videos/${video.id}`, auth(owner))).body.title).toBe('Renamed');
    const badLevel = await app.request('PATCH', `/v1/studio/videos/${video.id}`, {
      ...auth(owner),
      body: { accessLevel: 'platinum' },
    });
    expect([badLevel.status, badLevel.body.code]).toEqual([400, 'validation.failed']);

    const srt = await app.request('PUT', `/v1/studio/videos/${video.id}/captions/fr`, {
      ...auth(owner),
      body: { content: '1\n00:00:00,000 --> 00:00:01,000\nBonjour\n', label: 'Français' },
    });
    expect(srt.status).toBe(200);
    expect(srt.body.captions).toEqual([{ language: 'fr', label: 'Français', sourceFormat: 'srt', cues: 1 }]);
    const notCaptions = await app.request('PUT', `/v1/studio/videos/${video.id}/captions/en`, {
      ...auth(owner),
      body: { content: 'PK\u0003\u0004 this is a zip' },
    });
    expect([notCaptions.status, notCaptions.body.code]).toEqual([400, 'studio.caption.invalid']);
    const badTiming = await app.request('PUT', `/v1/studio/videos/${video.id}/captions/en`, {
      ...auth(owner),
      body: { content: 'WEBVTT\n\n00:02.000 --> 00:01.000\nHi' },
    });
    expect([badTiming.status, badTiming.body.code]).toEqual([400, 'studio.caption.invalid']);
    const pathTrick = await app.request('PUT', `/v1/studio/videos/${video.id}/captions/..%2F..%2Fetc`, {
      ...auth(owner),
      body: { content: 'WEBVTT\n\n00:00.000 --> 00:01.000\nHi' },
    });
    expect([pathTrick.status, pathTrick.body.code]).toEqual([400, 'studio.caption.invalid-language']);
    const removed = await app.request('DELETE', `/v1/studio/videos/${video.id}/captions/fr`, auth(owner));
    expect(removed.body.captions).toEqual([]);
    const missing = await app.request('DELETE', `/v1/studio/videos/${video.id}/captions/fr`, auth(owner));
    expect([missing.status, missing.body.code]).toEqual([404, 'studio.caption.not-found']);
  });

  it('publishes now with studio.video-published.v1 (creator, channel, title, access), unpublishes, and republishes without using more quota', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner, 'Late Show');
    const video = await readyVideo(app, owner, channelId, { title: 'Opening night', accessLevel: 'ad_free' });
    const published = await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(owner), body: {} });
    expect(published.status).toBe(200);
    expect(published.body.state).toBe('published');
    expect(await outboxPayloads(app, 'studio.video-published.v1', 'videoId', video.id)).toEqual([
      expect.objectContaining({
        creatorId: owner.user.id,
        channelId,
        title: 'Opening night',
        accessLevel: 'ad_free',
        earlyAccessDays: null,
        durationSeconds: expect.any(Number),
      }),
    ]);
    // Insights learns the video's length from the event (playback positions become percentages).
    await eventually(async () => {
      const [known] = await sql<{ duration_seconds: number }>(
        app,
        `select duration_seconds from insights.videos where video_id = ?`,
        [video.id],
      );
      expect(known?.duration_seconds).toBeGreaterThan(0);
    });
    const twice = await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(owner), body: {} });
    expect([twice.status, twice.body.code]).toEqual([409, 'studio.video.illegal-transition']);
    const unpublished = await app.request('POST', `/v1/studio/videos/${video.id}/unpublish`, auth(owner));
    expect(unpublished.body.state).toBe('unpublished');
    expect(await outboxPayloads(app, 'studio.video-unpublished.v1', 'videoId', video.id)).toHaveLength(1);
    expect(
      (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(owner), body: {} })).body.state,
    ).toBe('published');
    const usage = await sql<{ n: number }>(
      app,
      `select count(*)::int as n from billing.usage_records where user_id = ? and key = ?`,
      [owner.user.id, `studio.publish:${video.id}`],
    );
    expect(usage[0].n).toBe(1);
  });

  it('refuses to publish a video that is still processing (409)', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const uploadId = await uploadClip(app, owner, channelId);
    const created = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      ...auth(owner),
      body: { title: 'Hot off the press', uploadId },
    });
    expect(created.body.state).toBe('processing');
    const answer = await app.request('POST', `/v1/studio/videos/${created.body.id}/publish`, {
      ...auth(owner),
      body: {},
    });
    expect([answer.status, answer.body.code]).toEqual([409, 'studio.video.not-ready']);
    await untilState(app, owner, created.body.id, 'ready');
  });

  it('refuses a schedule in the past, a time zone that does not exist and a malformed time (400)', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const video = await readyVideo(app, owner, channelId);
    const publish = (body: Record<string, string>) =>
      app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(owner), body });
    const past = await publish({ at: '2020-01-01T10:00:00Z' });
    expect([past.status, past.body.code]).toEqual([400, 'studio.schedule.in-past']);
    const zone = await publish({ at: '2030-01-01T10:00', timeZone: 'Mars/Olympus_Mons' });
    expect([zone.status, zone.body.code]).toEqual([400, 'studio.schedule.invalid-time-zone']);
    const malformed = await publish({ at: 'next tuesday' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'studio.schedule.invalid-time']);
    expect((await app.request('GET', `/v1/studio/videos/${video.id}`, auth(owner))).body.state).toBe('ready');
  });

  it('publishes a scheduled video at its time through the delayed job, exactly once', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const video = await readyVideo(app, owner, channelId);
    const at = new Date(Date.now() + 2_500);
    const scheduled = await app.request('POST', `/v1/studio/videos/${video.id}/publish`, {
      ...auth(owner),
      body: { at: at.toISOString(), timeZone: 'Europe/Paris' },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      state: 'scheduled',
      scheduledAt: at.toISOString(),
      scheduleTimeZone: 'Europe/Paris',
    });
    const published = await untilState(app, owner, video.id, 'published', 20_000);
    expect(published.publishedAt).toBe(at.toISOString());
    // A late duplicate job and a sweep change nothing.
    await app.app.get(Publisher).publishIfDue(video.id);
    await app.app.get(Publisher).sweep();
    expect(await outboxPayloads(app, 'studio.video-published.v1', 'videoId', video.id)).toHaveLength(1);
  });

  it('loses no schedule when Redis loses the job: the worker start reconciles it from the database', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const video = await readyVideo(app, owner, channelId);
    // Far enough ahead that the rebuilt job is still waiting when the check below runs: booting a worker took more
    // than 3 s in a loaded CI run, the schedule was due by then, and the check found no rebuilt job.
    const at = new Date(Date.now() + 15_000);
    await app.request('POST', `/v1/studio/videos/${video.id}/publish`, {
      ...auth(owner),
      body: { at: at.toISOString() },
    });
    const queue = app.app.get<Queue>(getQueueToken(PUBLISH_QUEUE));
    const job = await queue.getJob(`${video.id}:${at.getTime()}`);
    expect(job).not.toBeNull();
    await job!.remove(); // what a flushed Redis does
    // A worker starting (a deploy, a crash restart) rebuilds the job from the database.
    const worker = await startTestContext((config) => WorkerModule.forRoot(config), app.runtime);
    try {
      expect(await queue.getJob(`${video.id}:${at.getTime()}`)).not.toBeNull();
      await untilState(app, owner, video.id, 'published', 30_000);
    } finally {
      await worker.close();
    }
    expect(await outboxPayloads(app, 'studio.video-published.v1', 'videoId', video.id)).toHaveLength(1);
  }, 120_000); // a video processed, then a schedule 15 s ahead

  it('cancels a schedule on unpublish and gives its quota back', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const video = await readyVideo(app, owner, channelId);
    await app.request('POST', `/v1/studio/videos/${video.id}/publish`, {
      ...auth(owner),
      body: { at: '2099-01-01T09:00', timeZone: 'Asia/Tokyo' },
    });
    const key = [owner.user.id, `studio.publish:${video.id}`];
    expect(await sql(app, `select 1 from billing.usage_records where user_id = ? and key = ?`, key)).toHaveLength(1);
    const canceled = await app.request('POST', `/v1/studio/videos/${video.id}/unpublish`, auth(owner));
    expect(canceled.body).toMatchObject({ state: 'ready', scheduledAt: null });
    expect(await sql(app, `select 1 from billing.usage_records where user_id = ? and key = ?`, key)).toHaveLength(0);
  });

  it('refuses an eleventh episode in a month on Creator Plus with billing.quota.exceeded (402)', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    // Eight episodes counted already this month (as eight earlier publishes would have).
    const billing = app.app.get(BillingApi);
    await RequestContext.create(app.app.get(MikroORM).em, () =>
      billing.consume(owner.user.id, 'episodes_per_month', 8),
    );
    const videos = await Promise.all([0, 1, 2].map(() => readyVideo(app, owner, channelId)));
    for (const video of videos.slice(0, 2))
      expect(
        (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(owner), body: {} })).status,
      ).toBe(200);
    const third = await app.request('POST', `/v1/studio/videos/${videos[2].id}/publish`, { ...auth(owner), body: {} });
    expect(third.status).toBe(402);
    expect(third.body).toMatchObject({
      code: 'billing.quota.exceeded',
      entitlement: 'episodes_per_month',
      limit: 10,
      upgradeTo: [expect.objectContaining({ planId: 'studio-pro' })],
    });
    expect((await app.request('GET', `/v1/studio/videos/${videos[2].id}`, auth(owner))).body.state).toBe('ready');
  });

  it('deletes a video with its media and announces it; a viewer or editor cannot', async () => {
    const [owner, editor] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    await addMember(app, channelId, owner, editor, 'editor');
    const video = await readyVideo(app, owner, channelId);
    expect((await app.request('DELETE', `/v1/studio/videos/${video.id}`, auth(editor))).status).toBe(403);
    const deleted = await app.request('DELETE', `/v1/studio/videos/${video.id}`, auth(owner));
    expect(deleted.body).toEqual({ deleted: true });
    expect((await app.request('GET', `/v1/studio/videos/${video.id}`, auth(owner))).status).toBe(404);
    expect(await outboxPayloads(app, 'studio.video-deleted.v1', 'videoId', video.id)).toHaveLength(1);
    expect(await sql(app, `select 1 from studio.media_assets where video_id = ?`, [video.id])).toEqual([]);
  });
});
