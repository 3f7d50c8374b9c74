import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { eventually, type TestApp } from '@lib/platform/testing';
import { MediaLibrary } from '../../../../libs/studio/src/application/media/media-ports.js';
import { MediaRepository } from '../../../../libs/studio/src/application/media/media-records.js';
import { MediaStorage } from '../../../../libs/studio/src/application/media/media-storage.js';
import { MediaTools } from '../../../../libs/studio/src/application/media/media-tools.js';
import { MediaUploads } from '../../../../libs/studio/src/application/media/media-uploads.js';
import type { FfmpegMediaTools } from '../../../../libs/studio/src/infrastructure/media/ffmpeg-media-tools.js';
import { connectSocket, startShowrunner, type RegisteredUser } from '../../../support/showrunner.js';
import {
  addMember,
  assetIdOf,
  auth,
  createChannel,
  outboxPayloads,
  sql,
  studioPerson,
  untilState,
  uploadClip,
  videoFromClip,
} from '../studio-helpers.js';
import { clipsDir, inContext, makeClip } from './media-harness.js';

interface Pushed {
  videoId: string;
  channelId: string;
  state: string;
  step: string | null;
  percent: number;
  error: { code: string; message: string; step: string } | null;
}

/**
 * The transcoding pipeline on the whole platform (real ffmpeg, Postgres, Redis, Bull, Socket.IO):
 * videos are created from tus uploads through the studio API, and what the pipeline did is read
 * back through the video view, the team's `studio:video-processing` pushes and studio's outbox.
 */
describe('studio media pipeline', () => {
  let app: TestApp;
  let owner: RegisteredUser;
  let viewer: RegisteredUser;
  let channelId: string;
  let socket: Socket;
  const pushed: Pushed[] = [];
  let library: MediaLibrary;
  let storage: MediaStorage;
  const clip720 = makeClip({ width: 1280, height: 720, seconds: 2 });
  const smallClip = () => readFileSync(makeClip({ width: 320, height: 180, seconds: 1 }));

  beforeAll(async () => {
    app = await startShowrunner();
    [owner, viewer] = await Promise.all([studioPerson(app), studioPerson(app)]);
    channelId = await createChannel(app, owner, 'Pipeline test channel');
    await addMember(app, channelId, owner, viewer, 'viewer');
    // A viewer is on the team: processing is pushed to every member.
    socket = await connectSocket(app, { token: viewer.tokens.accessToken });
    socket.on('studio:video-processing', (payload: Pushed) => pushed.push(payload));
    library = app.app.get(MediaLibrary);
    storage = app.app.get(MediaStorage);
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await app?.close();
  });

  /** Creates a video from an upload through the studio API (the upload is claimed, processing queued). */
  const createVideo = (uploadId: string, title = 'Episode') =>
    app.request('POST', `/v1/studio/channels/${channelId}/videos`, { ...auth(owner), body: { title, uploadId } });

  const startVideo = (bytes: Buffer) => videoFromClip(app, owner, channelId, bytes);

  const getVideo = async (videoId: string) =>
    (await app.request('GET', `/v1/studio/videos/${videoId}`, auth(owner))).body;
  const pushesOf = (videoId: string) => pushed.filter((event) => event.videoId === videoId);
  const progressSteps = async (videoId: string) => [
    ...new Set((await outboxPayloads(app, 'studio.transcoding-progressed.v1', 'videoId', videoId)).map((p) => p.step)),
  ];

  /** Fetches a signed URL path against the test server (PUBLIC_URL is not the test's port). */
  const get = (url: string) => fetch(`${app.url}${url.replace(/^https?:\/\/[^/]+/, '')}`);

  it('turns a 720p upload into a 360p+720p HLS ladder with thumbnails, reporting progress, and plays it through signed URLs', async () => {
    const { videoId, assetId, created } = await startVideo(readFileSync(clip720));
    expect(created).toMatchObject({ state: 'processing', progress: { step: 'probe', percent: 0 }, error: null });

    const ready = await untilState(app, owner, videoId, 'ready');
    expect(
      ready.renditions.map((r: { name: string; width: number; height: number }) => [r.name, r.width, r.height]),
    ).toEqual([
      ['360p', 640, 360],
      ['720p', 1280, 720],
    ]);
    expect(ready).toMatchObject({ progress: { percent: 100, step: null }, error: null, chosenThumbnail: 1 });
    expect(ready.durationSeconds).toBeCloseTo(2, 0);
    expect(ready.thumbnails).toHaveLength(3);
    // The media side's own view of the asset (the source's size is not part of the video view).
    expect(await inContext(app, () => library.describe(assetId))).toMatchObject({
      state: 'ready',
      width: 1280,
      height: 720,
      renditions: ready.renditions,
    });

    // Every step was reported, in order: announced on the outbox and pushed to the team (a viewer here).
    expect(await progressSteps(videoId)).toEqual(['probe', 'transcode', 'thumbnails', 'finalize']);
    await eventually(() =>
      expect(pushesOf(videoId).at(-1)).toMatchObject({
        channelId,
        state: 'ready',
        step: null,
        percent: 100,
        error: null,
      }),
    );
    expect([
      ...new Set(
        pushesOf(videoId)
          .filter((e) => e.state === 'processing')
          .map((e) => e.step),
      ),
    ]).toEqual(['probe', 'transcode', 'thumbnails', 'finalize']);

    const { masterUrl, expiresAt } = await inContext(app, () => library.playback(assetId));
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const master = await get(masterUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toContain('application/vnd.apple.mpegurl');
    const masterText = await master.text();
    const variants = masterText.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(variants).toHaveLength(2);
    for (const variant of variants)
      expect(variant).toMatch(/^\/v1\/media\/[0-9a-f-]+\/hls\/(360p|720p)\/index\.m3u8\?exp=\d+&sig=[\w-]+$/);

    const playlist = await (await get(variants[1])).text();
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(segments.length).toBeGreaterThan(0);
    const segment = await get(segments[0]);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const thumbnail = await get(ready.thumbnails[0]!.url);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect((await get(ready.previewUrl)).status).toBe(200);
  }, 120_000);

  it('never upscales: a 480x270 source gets one rendition at its own size', async () => {
    const { videoId } = await startVideo(readFileSync(makeClip({ width: 480, height: 270, seconds: 2, audio: false })));
    const ready = await untilState(app, owner, videoId, 'ready');
    expect(
      ready.renditions.map((r: { name: string; width: number; height: number }) => [r.name, r.width, r.height]),
    ).toEqual([['270p', 480, 270]]);
  }, 90_000);

  describe('signed URLs', () => {
    let assetId: string;
    let masterPath: string;
    beforeAll(async () => {
      const started = await startVideo(smallClip());
      await untilState(app, owner, started.videoId, 'ready');
      assetId = started.assetId;
      masterPath = (await inContext(app, () => library.playback(assetId))).masterUrl.replace(/^https?:\/\/[^/]+/, '');
    }, 90_000);

    it('refuses a forged signature', async () => {
      const answer = await get(masterPath.replace(/sig=[\w-]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url.invalid');
    });

    it('refuses a signature moved to another file', async () => {
      const answer = await get(masterPath.replace('hls/master.m3u8', 'preview.jpg'));
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url.invalid');
    });

    it('refuses a later expiry than the one signed', async () => {
      const answer = await get(masterPath.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 3600}`));
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url.invalid');
    });

    it('refuses an expired link', async () => {
      const { masterUrl } = await inContext(app, () => library.playback(assetId, { ttlSeconds: -5 }));
      const answer = await get(masterUrl);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url.expired');
    });

    it('refuses a segment URL without a signature', async () => {
      const answer = await fetch(`${app.url}/v1/media/${assetId}/hls/180p/seg_0000.ts`);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url.invalid');
    });
  });

  it('survives ffmpeg being killed mid-transcode: retried, one complete set of renditions, no leftovers', async () => {
    const tools = app.app.get<MediaTools, FfmpegMediaTools>(MediaTools);
    const { videoId, assetId } = await startVideo(readFileSync(makeClip({ width: 1280, height: 720, seconds: 3 })));
    // A leftover of an earlier crashed run, already in storage: must be gone once a run commits.
    await storage.putDirectory(`assets/${assetId}/hls/0-crashed`, clipsDir);

    const killed = await eventually(
      async () => {
        const video = await getVideo(videoId);
        const child = tools.running()[0];
        if (video.progress.step !== 'transcode' || !child) throw new Error('not transcoding yet');
        // A late progress report of an earlier step (e.g. one still in flight) moves nothing back.
        const [row] = await sql<{ run: number }>(app, `select run from studio.media_assets where id = ?`, [assetId]);
        expect(
          await inContext(app, () => app.app.get(MediaRepository).saveProgress(assetId, row.run, 'probe', 99)),
        ).toBe(false);
        child.kill('SIGKILL');
        return child.pid;
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    expect(killed).toBeGreaterThan(0);

    const ready = await untilState(app, owner, videoId, 'ready');
    expect(ready.renditions.map((r: { name: string }) => r.name)).toEqual(['360p', '720p']);
    expect(ready.error).toBeNull();
    const keys = await storage.list(`assets/${assetId}/hls`);
    const runs = new Set(keys.map((key) => key.split('/')[3]));
    expect(runs.size).toBe(1);
    for (const name of ['360p', '720p']) {
      const playlist = (await storage.readBuffer(keys.find((k) => k.endsWith(`${name}/index.m3u8`))!))!.toString();
      expect(playlist).toContain('#EXT-X-ENDLIST');
      const listed = playlist.split('\n').filter((line) => line.endsWith('.ts'));
      expect(keys.filter((k) => k.includes(`/${name}/`) && k.endsWith('.ts')).map((k) => k.split('/').pop())).toEqual(
        listed,
      );
    }
    // The kill was retried inside the step: it never reached the team as a failure.
    expect(await outboxPayloads(app, 'studio.transcoding-failed.v1', 'videoId', videoId)).toEqual([]);
  }, 120_000);

  it('fails with a stable code and reason, and retry restarts from the failed step', async () => {
    const uploadId = await uploadClip(app, owner, channelId, smallClip());
    const original = `uploads/${uploadId}/original`;
    const backup = join(clipsDir, `${uploadId}.backup`);
    copyFileSync(await storage.localPath(original, clipsDir), backup);
    await storage.delete(original); // the stored original is gone: the probe step cannot read it

    const created = await createVideo(uploadId, 'Broken');
    expect(created.status).toBe(201);
    const videoId = created.body.id as string;
    const failed = await untilState(app, owner, videoId, 'failed');
    expect(failed.error).toEqual({ code: 'studio.media.unreadable', message: expect.any(String), step: 'probe' });
    expect(failed.progress.step).toBe('probe');
    expect(await outboxPayloads(app, 'studio.transcoding-failed.v1', 'videoId', videoId)).toEqual([
      expect.objectContaining({ channelId, step: 'probe', code: 'studio.media.unreadable' }),
    ]);
    await eventually(() =>
      expect(pushesOf(videoId).at(-1)).toMatchObject({
        state: 'failed',
        step: 'probe',
        error: { code: 'studio.media.unreadable', step: 'probe' },
      }),
    );

    await storage.putFile(original, backup);
    const progressedBefore = (await outboxPayloads(app, 'studio.transcoding-progressed.v1', 'videoId', videoId)).length;
    const retried = await app.request('POST', `/v1/studio/videos/${videoId}/retry`, auth(owner));
    expect(retried.status).toBe(200);
    // The worker may already have picked the job up by the time retry answers.
    expect(retried.body).toMatchObject({ state: 'processing', progress: { step: 'probe' }, error: null });
    await untilState(app, owner, videoId, 'ready');
    // The rerun went on from probe through the rest (probe at 0% again is what the video already showed: no new row).
    const after = (await outboxPayloads(app, 'studio.transcoding-progressed.v1', 'videoId', videoId))
      .slice(progressedBefore)
      .map((p) => p.step);
    expect([...new Set(after)]).toEqual(['transcode', 'thumbnails', 'finalize']);
  }, 90_000);

  it('refuses to retry what has not failed, and to claim an upload twice', async () => {
    const { videoId, assetId, uploadId } = await startVideo(smallClip());
    const twice = await createVideo(uploadId, 'Twice');
    expect([twice.status, twice.body.code]).toEqual([409, 'studio.upload.already-used']);
    await untilState(app, owner, videoId, 'ready');
    const retry = await app.request('POST', `/v1/studio/videos/${videoId}/retry`, auth(owner));
    expect([retry.status, retry.body.code]).toEqual([409, 'studio.video.illegal-transition']);
    // The media side refuses on its own too, whoever asks.
    await expect(inContext(app, () => library.retry(assetId))).rejects.toMatchObject({
      code: 'studio.media.not-failed',
    });
    const outOfRange = await app.request('PATCH', `/v1/studio/videos/${videoId}`, {
      ...auth(owner),
      body: { thumbnail: 7 },
    });
    expect([outOfRange.status, outOfRange.body.code]).toEqual([400, 'studio.thumbnail.out-of-range']);
    const chosen = await app.request('PATCH', `/v1/studio/videos/${videoId}`, {
      ...auth(owner),
      body: { thumbnail: 2 },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.chosenThumbnail).toBe(2);
    expect((await inContext(app, () => library.describe(assetId)))!.chosenThumbnail).toBe(2);
    const unknown = await createVideo('0193f000-0000-7000-8000-000000000000', 'Ghost');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'studio.upload.not-found']);
    const trick = await createVideo('../not-a-uuid', 'Trick');
    expect([trick.status, trick.body.code]).toEqual([404, 'studio.upload.not-found']);
    // Neither refusal left a draft behind: the channel holds the one video.
    expect(
      await sql(app, `select id from studio.videos where channel_id = ? and title in ('Twice', 'Ghost', 'Trick')`, [
        channelId,
      ]),
    ).toEqual([]);
    expect(await inContext(app, () => library.describe('not-a-uuid'))).toBeNull();
  }, 90_000);

  it('frees accepted uploads no video claimed in time, and only those', async () => {
    const unclaimed = await uploadClip(app, owner, channelId, smallClip());
    const claimed = await uploadClip(app, owner, channelId, smallClip());
    const created = await createVideo(claimed);
    expect(created.status).toBe(201);
    // The upload sweep (tus server) with "now" a minute ahead: both uploads are older than that.
    await inContext(app, () => app.app.get(MediaUploads).removeUnclaimed(new Date(Date.now() + 60_000)));
    expect(await storage.list(`uploads/${unclaimed}`)).toEqual([]);
    expect(await storage.list(`uploads/${claimed}`)).toEqual([`uploads/${claimed}/original`]);
    expect((await app.request('GET', `/v1/studio/uploads/${unclaimed}`, auth(owner))).body.state).toBe('removed');
    expect((await app.request('GET', `/v1/studio/uploads/${claimed}`, auth(owner))).body).toMatchObject({
      state: 'accepted',
      assetId: await assetIdOf(app, created.body.id),
    });
    const late = await createVideo(unclaimed, 'Too late');
    expect([late.status, late.body.code]).toEqual([404, 'studio.upload.not-found']);
    await untilState(app, owner, created.body.id, 'ready');
  }, 90_000);

  it('removes the asset with every stored file when its video is deleted, idempotently', async () => {
    const { videoId, assetId, uploadId } = await startVideo(smallClip());
    await untilState(app, owner, videoId, 'ready');
    expect((await storage.list(`assets/${assetId}`)).length).toBeGreaterThan(3);
    const deleted = await app.request('DELETE', `/v1/studio/videos/${videoId}`, auth(owner));
    expect(deleted.status).toBe(200);
    // Removing again (a delete retried after a crash) finds nothing to do.
    await inContext(app, () => library.remove(assetId));
    expect(await storage.list(`assets/${assetId}`)).toEqual([]);
    expect(await storage.list(`uploads/${uploadId}`)).toEqual([]);
    expect(await inContext(app, () => library.describe(assetId))).toBeNull();
    expect((await app.request('GET', `/v1/studio/videos/${videoId}`, auth(owner))).status).toBe(404);
  }, 90_000);
});
