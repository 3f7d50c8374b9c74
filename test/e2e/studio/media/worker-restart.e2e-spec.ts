import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, startTestApp, uniquePrefix, type TestApp, type TestDatabase } from '@lib/platform/testing';
import { StandaloneModule } from '../../../../apps/standalone/src/standalone.module.js';
import { MediaStorage } from '../../../../libs/studio/src/application/media/media-storage.js';
import { MediaTools } from '../../../../libs/studio/src/application/media/media-tools.js';
import type { FfmpegMediaTools } from '../../../../libs/studio/src/infrastructure/media/ffmpeg-media-tools.js';
import { auth, createChannel, outboxPayloads, studioPerson, untilState, videoFromClip } from '../studio-helpers.js';
import { makeClip } from './media-harness.js';

/** The whole platform (API + worker) on a given database: the second instance shares the first one's. */
const startPlatform = (env: Record<string, string>, database?: TestDatabase) =>
  startTestApp((config) => StandaloneModule.forRoot(config), { env, database });

/** A worker stopped in the middle of a transcode; another one (same database, Redis and storage) finishes the video. */
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

  it('resumes the video after the worker that was transcoding it stops', async () => {
    first = await startPlatform(shared);
    const owner = await studioPerson(first);
    const channelId = await createChannel(first, owner, 'Restart channel');
    const { videoId, assetId } = await videoFromClip(
      first,
      owner,
      channelId,
      readFileSync(makeClip({ width: 1280, height: 720, seconds: 3 })),
      'Interrupted',
    );

    const tools = first.app.get<MediaTools, FfmpegMediaTools>(MediaTools);
    await eventually(
      async () => {
        expect((await first.request('GET', `/v1/studio/videos/${videoId}`, auth(owner))).body.progress.step).toBe(
          'transcode',
        );
        expect(tools.running().length).toBeGreaterThan(0);
      },
      { timeoutMs: 30_000, intervalMs: 10 },
    );
    firstClosed = true;
    await first.app.close(); // the worker goes away mid-transcode (its ffmpeg is killed on the way out)

    second = await startPlatform(shared, first.runtime.database);
    // The same account, channel and video on the new instance (tokens are signed with the shared secret).
    const ready = await untilState(second, owner, videoId, 'ready', 90_000);
    expect(ready.renditions.map((r: { name: string }) => r.name)).toEqual(['360p', '720p']);
    expect(ready).toMatchObject({ progress: { percent: 100, step: null }, error: null });
    const runs = new Set(
      (await second.app.get(MediaStorage).list(`assets/${assetId}/hls`)).map((key) => key.split('/')[3]),
    );
    expect(runs.size).toBe(1);
    expect(await outboxPayloads(second, 'studio.transcoding-failed.v1', 'videoId', videoId)).toEqual([]);
  }, 150_000);
});
