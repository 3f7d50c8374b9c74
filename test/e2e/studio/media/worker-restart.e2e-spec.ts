import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, uniquePrefix, type TestApp } from '@lib/platform/testing';
import { newId } from '@lib/platform/ddd';
import { MediaLibrary, type MediaAssetView } from '../../../../libs/studio/src/application/media/media-ports.js';
import { MediaStorage } from '../../../../libs/studio/src/application/media/media-storage.js';
import { MediaTools } from '../../../../libs/studio/src/application/media/media-tools.js';
import { MediaUploads } from '../../../../libs/studio/src/application/media/media-uploads.js';
import type { FfmpegMediaTools } from '../../../../libs/studio/src/infrastructure/media/ffmpeg-media-tools.js';
import { clipsDir, inContext, makeClip, startMediaHarness } from './media-harness.js';

/** A worker stopped in the middle of a transcode; another one (same database, Redis and storage) finishes the asset. */
describe('studio media across a worker restart', () => {
  const shared = { DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-restart-')), REDIS_PREFIX: uniquePrefix() };
  let first: TestApp;
  let second: TestApp | undefined;
  let firstClosed = false;

  afterAll(async () => {
    await second?.app.close();
    if (!firstClosed) await first?.app.close();
    await first?.runtime.dispose();
  });

  it('resumes the asset after the worker that was transcoding it stops', async () => {
    ({ app: first } = await startMediaHarness(shared));
    const uploadId = newId();
    const channelId = newId();
    const file = join(clipsDir, `${uploadId}.bin`);
    copyFileSync(makeClip({ width: 1280, height: 720, seconds: 3 }), file);
    await inContext(first, async () => {
      await first.app.get(MediaUploads).created({ id: uploadId, channelId, userId: newId(), filename: 'clip.mp4', size: 0 });
      await first.app.get(MediaUploads).finish(uploadId, file);
    });
    const asset = await inContext(first, () => first.app.get(MediaLibrary).startProcessing({ uploadId, channelId, videoId: newId() }));

    const tools = first.app.get(MediaTools) as FfmpegMediaTools;
    const describeIn = (app: TestApp) => inContext(app, () => app.app.get(MediaLibrary).describe(asset.id)) as Promise<MediaAssetView>;
    await eventually(
      async () => {
        expect((await describeIn(first)).step).toBe('transcode');
        expect(tools.running().length).toBeGreaterThan(0);
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    firstClosed = true;
    await first.app.close(); // the worker goes away mid-transcode (its ffmpeg is killed on the way out)

    ({ app: second } = await startMediaHarness(shared, first.runtime.database));
    const ready = await eventually(
      async () => {
        const view = await describeIn(second!);
        expect(view.state).toBe('ready');
        return view;
      },
      { timeoutMs: 60_000, intervalMs: 100 },
    );
    expect(ready.renditions.map((r) => r.name)).toEqual(['360p', '720p']);
    const runs = new Set((await second.app.get(MediaStorage).list(`assets/${asset.id}/hls`)).map((key) => key.split('/')[3]));
    expect(runs.size).toBe(1);
  }, 120_000);
});
