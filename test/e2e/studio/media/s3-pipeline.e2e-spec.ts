import { readFileSync } from 'node:fs';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { TestApp } from '@lib/platform/testing';
import { MediaLibrary } from '../../../../libs/studio/src/application/media/media-ports.js';
import { startS3rver, type TestS3 } from '../../../support/s3rver.js';
import { startShowrunner } from '../../../support/showrunner.js';
import { auth, createChannel, studioPerson, untilState, videoFromClip } from '../studio-helpers.js';
import { inContext, makeClip } from './media-harness.js';

/** The whole pipeline with MEDIA_STORAGE=s3, against s3rver (an S3-compatible server speaking the S3 HTTP API). */
describe('studio media pipeline on S3-compatible storage', () => {
  let server: TestS3;
  let app: TestApp;
  let s3: S3Client;

  beforeAll(async () => {
    // With the multipart calls @tus/s3-store makes (partial uploads live in the bucket, ADR 0050).
    server = await startS3rver();
    const endpoint = server.endpoint;
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'showrunner-media' }));
    app = await startShowrunner({
      MEDIA_STORAGE: 's3',
      MEDIA_S3_BUCKET: 'showrunner-media',
      MEDIA_S3_ENDPOINT: endpoint,
      MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    s3?.destroy();
    await server?.close();
  });

  it('stores the original and the renditions in the bucket and serves them signed', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner, 'S3 channel');
    const { videoId, assetId, uploadId } = await videoFromClip(
      app,
      owner,
      channelId,
      readFileSync(makeClip({ width: 640, height: 360, seconds: 1 })),
      'On S3',
    );
    const ready = await untilState(app, owner, videoId, 'ready');
    expect(ready.renditions.map((r: { name: string }) => r.name)).toEqual(['360p']);
    const library = app.app.get(MediaLibrary);

    const keys = ((await s3.send(new ListObjectsV2Command({ Bucket: 'showrunner-media' }))).Contents ?? []).map(
      (o) => o.Key!,
    );
    expect(keys).toContain(`uploads/${uploadId}/original`);
    expect(keys.some((k) => k.startsWith(`assets/${assetId}/hls/`) && k.endsWith('master.m3u8'))).toBe(true);
    expect(keys.filter((k) => k.startsWith(`assets/${assetId}/stills/`))).toHaveLength(4);

    const { masterUrl } = await inContext(app, () => library.playback(assetId));
    const local = (url: string) => `${app.url}${url.replace(/^https?:\/\/[^/]+/, '')}`;
    const master = await (await fetch(local(masterUrl))).text();
    const variant = await (await fetch(local(master.split('\n').find((l) => l.startsWith('/v1/media/'))!))).text();
    const segment = await fetch(local(variant.split('\n').find((l) => l.startsWith('/v1/media/'))!));
    expect(segment.status).toBe(200);
    expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    const deleted = await app.request('DELETE', `/v1/studio/videos/${videoId}`, auth(owner));
    expect(deleted.status).toBe(200);
    const left = ((await s3.send(new ListObjectsV2Command({ Bucket: 'showrunner-media' }))).Contents ?? []).map(
      (o) => o.Key!,
    );
    expect(left.filter((k) => k.includes(assetId) || k.includes(uploadId))).toEqual([]);
  }, 90_000);
});
