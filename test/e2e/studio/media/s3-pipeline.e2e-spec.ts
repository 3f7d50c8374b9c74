import { copyFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { eventually, type TestApp } from '@lib/platform/testing';
import { newId } from '@lib/platform/ddd';
import { MediaLibrary, type MediaAssetView } from '../../../../libs/studio/src/application/media/media-ports.js';
import { MediaUploads } from '../../../../libs/studio/src/application/media/media-uploads.js';
import { clipsDir, inContext, makeClip, startMediaHarness } from './media-harness.js';

const S3rver = createRequire(import.meta.url)('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

/** The whole pipeline with MEDIA_STORAGE=s3, against s3rver (an S3-compatible server speaking the S3 HTTP API). */
describe('studio media pipeline on S3-compatible storage', () => {
  let server: InstanceType<typeof S3rver>;
  let app: TestApp;
  let s3: S3Client;

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 's3rver-')) });
    const endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await s3.send(new CreateBucketCommand({ Bucket: 'showrunner-media' }));
    ({ app } = await startMediaHarness({
      MEDIA_STORAGE: 's3',
      MEDIA_S3_BUCKET: 'showrunner-media',
      MEDIA_S3_ENDPOINT: endpoint,
      MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    }));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    s3?.destroy();
    await server?.close();
  });

  it('stores the original and the renditions in the bucket and serves them signed', async () => {
    const uploadId = newId();
    const channelId = newId();
    const file = join(clipsDir, `${uploadId}.bin`);
    copyFileSync(makeClip({ width: 640, height: 360, seconds: 1 }), file);
    const library = app.app.get(MediaLibrary);
    await inContext(app, async () => {
      await app.app.get(MediaUploads).created({ id: uploadId, channelId, userId: newId(), filename: 'clip.mp4', size: 0 });
      await app.app.get(MediaUploads).finish(uploadId, file);
    });
    const asset = await inContext(app, () => library.startProcessing({ uploadId, channelId, videoId: newId() }));
    await eventually(
      async () => expect(((await inContext(app, () => library.describe(asset.id))) as MediaAssetView).state).toBe('ready'),
      { timeoutMs: 60_000, intervalMs: 100 },
    );

    const keys = ((await s3.send(new ListObjectsV2Command({ Bucket: 'showrunner-media' }))).Contents ?? []).map((o) => o.Key!);
    expect(keys).toContain(`uploads/${uploadId}/original`);
    expect(keys.some((k) => k.startsWith(`assets/${asset.id}/hls/`) && k.endsWith('master.m3u8'))).toBe(true);
    expect(keys.filter((k) => k.startsWith(`assets/${asset.id}/stills/`))).toHaveLength(4);

    const { masterUrl } = await inContext(app, () => library.playback(asset.id));
    const local = (url: string) => `${app.url}${url.replace(/^https?:\/\/[^/]+/, '')}`;
    const master = await (await fetch(local(masterUrl))).text();
    const variant = await (await fetch(local(master.split('\n').find((l) => l.startsWith('/v1/media/'))!))).text();
    const segment = await fetch(local(variant.split('\n').find((l) => l.startsWith('/v1/media/'))!));
    expect(segment.status).toBe(200);
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    await inContext(app, () => library.remove(asset.id));
    const left = ((await s3.send(new ListObjectsV2Command({ Bucket: 'showrunner-media' }))).Contents ?? []).map((o) => o.Key!);
    expect(left.filter((k) => k.includes(asset.id) || k.includes(uploadId))).toEqual([]);
  }, 90_000);
});
