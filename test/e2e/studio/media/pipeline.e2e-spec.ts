import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, type TestApp } from '@lib/platform/testing';
import { newId } from '@lib/platform/ddd';
import { MediaLibrary, type MediaAssetView } from '../../../../libs/studio/src/application/media/media-ports.js';
import { MediaStorage } from '../../../../libs/studio/src/application/media/media-storage.js';
import { MediaTools } from '../../../../libs/studio/src/application/media/media-tools.js';
import { MediaUploads } from '../../../../libs/studio/src/application/media/media-uploads.js';
import type { FfmpegMediaTools } from '../../../../libs/studio/src/infrastructure/media/ffmpeg-media-tools.js';
import { clipsDir, inContext, makeClip, startMediaHarness, type RecordingListener } from './media-harness.js';

/** The transcoding pipeline on real ffmpeg, Postgres, Redis and Bull, driven through the MediaLibrary seam. */
describe('studio media pipeline', () => {
  let app: TestApp;
  let listener: RecordingListener;
  let library: MediaLibrary;
  let storage: MediaStorage;
  let uploads: MediaUploads;
  const channelId = newId();
  const clip720 = makeClip({ width: 1280, height: 720, seconds: 2 });

  beforeAll(async () => {
    ({ app, listener } = await startMediaHarness());
    library = app.app.get(MediaLibrary);
    storage = app.app.get(MediaStorage);
    uploads = app.app.get(MediaUploads);
  }, 60_000);
  afterAll(() => app?.close());

  /** An accepted upload, through the same validation a tus upload gets when its last byte arrives. */
  async function acceptedUpload(source: string): Promise<string> {
    const id = newId();
    const copy = join(clipsDir, `${id}.bin`);
    copyFileSync(source, copy);
    await inContext(app, async () => {
      await uploads.created({ id, channelId, userId: newId(), filename: 'clip.mp4', size: 0 });
      await uploads.finish(id, copy);
    });
    return id;
  }

  const describeAsset = (id: string) => inContext(app, () => library.describe(id)) as Promise<MediaAssetView>;
  const start = (uploadId: string) => inContext(app, () => library.startProcessing({ uploadId, channelId, videoId: newId() }));
  const untilState = (id: string, state: MediaAssetView['state'], timeoutMs = 60_000) =>
    eventually(
      async () => {
        const asset = await describeAsset(id);
        expect(asset.state).toBe(state);
        return asset;
      },
      { timeoutMs, intervalMs: 100 },
    );

  /** Fetches a signed URL path against the test server (PUBLIC_URL is not the test's port). */
  const get = (url: string) => fetch(`${app.url}${url.replace(/^https?:\/\/[^/]+/, '')}`);

  it('turns a 720p upload into a 360p+720p HLS ladder with thumbnails, reporting progress, and plays it through signed URLs', async () => {
    const asset = await start(await acceptedUpload(clip720));
    expect(asset).toMatchObject({ state: 'queued', step: 'probe', percent: 0 });

    const ready = await untilState(asset.id, 'ready');
    expect(ready.renditions.map((r) => [r.name, r.width, r.height])).toEqual([
      ['360p', 640, 360],
      ['720p', 1280, 720],
    ]);
    expect(ready).toMatchObject({ percent: 100, step: null, width: 1280, height: 720, error: null, chosenThumbnail: 1 });
    expect(ready.durationSeconds).toBeCloseTo(2, 0);
    expect(ready.thumbnails).toHaveLength(3);

    const told = listener.of(asset.id);
    const steps = [...new Set(told.filter((e) => e.type === 'progress').map((e) => e.step))];
    expect(steps).toEqual(['probe', 'transcode', 'thumbnails', 'finalize']);
    expect(told.at(-1)).toMatchObject({ type: 'ready', asset: { state: 'ready', renditions: ready.renditions } });

    const { masterUrl, expiresAt } = await inContext(app, () => library.playback(asset.id));
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const master = await get(masterUrl);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toContain('application/vnd.apple.mpegurl');
    const masterText = await master.text();
    const variants = masterText.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(variants).toHaveLength(2);
    for (const variant of variants) expect(variant).toMatch(/^\/v1\/media\/[0-9a-f-]+\/hls\/(360p|720p)\/index\.m3u8\?exp=\d+&sig=[\w-]+$/);

    const playlist = await (await get(variants[1]!)).text();
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const segments = playlist.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(segments.length).toBeGreaterThan(0);
    const segment = await get(segments[0]!);
    expect(segment.status).toBe(200);
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const thumbnail = await get(ready.thumbnails[0]!.url);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');
    expect((await get(ready.previewUrl!)).status).toBe(200);
  }, 90_000);

  it('never upscales: a 480x270 source gets one rendition at its own size', async () => {
    const asset = await start(await acceptedUpload(makeClip({ width: 480, height: 270, seconds: 2, audio: false })));
    const ready = await untilState(asset.id, 'ready');
    expect(ready.renditions.map((r) => [r.name, r.width, r.height])).toEqual([['270p', 480, 270]]);
  }, 60_000);

  describe('signed URLs', () => {
    let assetId: string;
    let masterPath: string;
    beforeAll(async () => {
      const asset = await start(await acceptedUpload(makeClip({ width: 320, height: 180, seconds: 1 })));
      assetId = (await untilState(asset.id, 'ready')).id;
      masterPath = (await inContext(app, () => library.playback(assetId))).masterUrl.replace(/^https?:\/\/[^/]+/, '');
    }, 60_000);

    it('refuses a forged signature', async () => {
      const answer = await get(masterPath.replace(/sig=[\w-]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url-invalid');
    });

    it('refuses a signature moved to another file', async () => {
      const answer = await get(masterPath.replace('hls/master.m3u8', 'preview.jpg'));
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url-invalid');
    });

    it('refuses a later expiry than the one signed', async () => {
      const answer = await get(masterPath.replace(/exp=(\d+)/, (_, exp: string) => `exp=${Number(exp) + 3600}`));
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url-invalid');
    });

    it('refuses an expired link', async () => {
      const { masterUrl } = await inContext(app, () => library.playback(assetId, { ttlSeconds: -5 }));
      const answer = await get(masterUrl);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url-expired');
    });

    it('refuses a segment URL without a signature', async () => {
      const answer = await fetch(`${app.url}/v1/media/${assetId}/hls/180p/seg_0000.ts`);
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as { code: string }).code).toBe('studio.media-url-invalid');
    });
  });

  it('survives ffmpeg being killed mid-transcode: retried, one complete set of renditions, no leftovers', async () => {
    const tools = app.app.get(MediaTools) as FfmpegMediaTools;
    const asset = await start(await acceptedUpload(makeClip({ width: 1280, height: 720, seconds: 3 })));
    // A leftover of an earlier crashed run, already in storage: must be gone once a run commits.
    await storage.putDirectory(`assets/${asset.id}/hls/0-crashed`, clipsDir);

    const killed = await eventually(
      async () => {
        const state = await describeAsset(asset.id);
        const child = tools.running()[0];
        if (state.step !== 'transcode' || !child) throw new Error('not transcoding yet');
        child.kill('SIGKILL');
        return child.pid;
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    expect(killed).toBeGreaterThan(0);

    const ready = await untilState(asset.id, 'ready');
    expect(ready.renditions.map((r) => r.name)).toEqual(['360p', '720p']);
    const keys = await storage.list(`assets/${asset.id}/hls`);
    const runs = new Set(keys.map((key) => key.split('/')[3]));
    expect(runs.size).toBe(1);
    for (const name of ['360p', '720p']) {
      const playlist = (await storage.readBuffer(keys.find((k) => k.endsWith(`${name}/index.m3u8`))!))!.toString();
      expect(playlist).toContain('#EXT-X-ENDLIST');
      const listed = playlist.split('\n').filter((line) => line.endsWith('.ts'));
      expect(keys.filter((k) => k.includes(`/${name}/`) && k.endsWith('.ts')).map((k) => k.split('/').pop())).toEqual(listed);
    }
  }, 90_000);

  it('fails with a stable code and reason, and retry restarts from the failed step', async () => {
    const uploadId = await acceptedUpload(makeClip({ width: 320, height: 180, seconds: 1 }));
    const original = `uploads/${uploadId}/original`;
    const backup = join(clipsDir, `${uploadId}.backup`);
    copyFileSync(await storage.localPath(original, clipsDir), backup);
    await storage.delete(original); // the stored original is gone: the probe step cannot read it

    const asset = await start(uploadId);
    const failed = await untilState(asset.id, 'failed');
    expect(failed.error).toEqual({ code: 'studio.media.unreadable', message: expect.any(String), step: 'probe' });
    expect(failed.step).toBe('probe');
    expect(listener.of(asset.id).at(-1)).toMatchObject({ type: 'failed', step: 'probe', code: 'studio.media.unreadable' });

    await storage.putFile(original, backup);
    const retried = await inContext(app, () => library.retry(asset.id));
    // The worker may already have picked the job up by the time retry() answers.
    expect(retried).toMatchObject({ step: 'probe', error: null });
    expect(['queued', 'processing']).toContain(retried.state);
    await untilState(asset.id, 'ready');
  }, 60_000);

  it('refuses to retry what has not failed, and to claim an upload twice', async () => {
    const uploadId = await acceptedUpload(makeClip({ width: 320, height: 180, seconds: 1 }));
    const asset = await start(uploadId);
    await expect(start(uploadId)).rejects.toMatchObject({ code: 'studio.upload-already-used' });
    await untilState(asset.id, 'ready');
    await expect(inContext(app, () => library.retry(asset.id))).rejects.toMatchObject({ code: 'studio.media-not-failed' });
    await expect(inContext(app, () => library.chooseThumbnail(asset.id, 7))).rejects.toMatchObject({ code: 'studio.thumbnail-out-of-range' });
    expect((await inContext(app, () => library.chooseThumbnail(asset.id, 2))).chosenThumbnail).toBe(2);
    await expect(start(newId())).rejects.toMatchObject({ code: 'studio.upload-not-found' });
    await expect(start('../not-a-uuid')).rejects.toMatchObject({ code: 'studio.upload-not-found' });
    expect(await inContext(app, () => library.describe('not-a-uuid'))).toBeNull();
  }, 60_000);

  it('frees accepted uploads no video claimed in time, and only those', async () => {
    const unclaimed = await acceptedUpload(makeClip({ width: 320, height: 180, seconds: 1 }));
    const claimed = await acceptedUpload(makeClip({ width: 320, height: 180, seconds: 1 }));
    const asset = await start(claimed);
    await inContext(app, () => uploads.removeUnclaimed(new Date(Date.now() + 60_000)));
    expect(await storage.list(`uploads/${unclaimed}`)).toEqual([]);
    expect(await storage.list(`uploads/${claimed}`)).toEqual([`uploads/${claimed}/original`]);
    await expect(start(unclaimed)).rejects.toMatchObject({ code: 'studio.upload-not-found' });
    await untilState(asset.id, 'ready');
  }, 60_000);

  it('removes an asset with every stored file, idempotently', async () => {
    const uploadId = await acceptedUpload(makeClip({ width: 320, height: 180, seconds: 1 }));
    const asset = await start(uploadId);
    await untilState(asset.id, 'ready');
    expect((await storage.list(`assets/${asset.id}`)).length).toBeGreaterThan(3);
    await inContext(app, () => library.remove(asset.id));
    await inContext(app, () => library.remove(asset.id));
    expect(await storage.list(`assets/${asset.id}`)).toEqual([]);
    expect(await storage.list(`uploads/${uploadId}`)).toEqual([]);
    expect(await describeAsset(asset.id)).toBeNull();
  }, 60_000);
});
