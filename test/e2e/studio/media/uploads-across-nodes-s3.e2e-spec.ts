import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { startS3rver, type TestS3 } from '../../../support/s3rver.js';
import type { RegisteredUser } from '../../../support/showrunner.js';
import { auth, createChannel, studioPerson, untilState } from '../studio-helpers.js';
import { makeClip } from './media-harness.js';
import { CHUNK, head, resumeOn, startNodes, startOn, type Nodes } from './nodes-harness.js';

describe('tus uploads across API nodes, MEDIA_STORAGE=s3 (@tus/s3-store on s3rver)', () => {
  let s3server: TestS3;
  let s3: S3Client;
  let nodes: Nodes;
  let owner: RegisteredUser;
  let channelId: string;
  const clip = readFileSync(makeClip({ width: 320, height: 180, seconds: 2 }));

  beforeAll(async () => {
    s3server = await startS3rver();
    s3 = new S3Client({
      region: 'us-east-1',
      endpoint: s3server.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: 'nodes-media' }));
    nodes = await startNodes({
      MEDIA_STORAGE: 's3',
      MEDIA_S3_BUCKET: 'nodes-media',
      MEDIA_S3_ENDPOINT: s3server.endpoint,
      MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
      MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    owner = await studioPerson(nodes.a);
    channelId = await createChannel(nodes.a, owner, 'Across nodes on S3');
  }, 60_000);
  afterAll(async () => {
    await nodes?.close();
    s3?.destroy();
    await s3server?.close();
  });

  it('keeps the partial upload in the bucket, resumes it through node B, and leaves only the original', async () => {
    const url = await startOn(nodes.a, owner, channelId, clip);
    const uploadId = url.split('/').pop()!;
    const keys = async () =>
      ((await s3.send(new ListObjectsV2Command({ Bucket: 'nodes-media' }))).Contents ?? []).map((o) => o.Key!);
    // The first chunk is in the bucket (below S3's 5 MiB part minimum: the pending `.part`), not on node A.
    expect(await keys()).toEqual(expect.arrayContaining([`${uploadId}.info`, `${uploadId}.part`]));
    expect((await head(nodes.b, owner, url)).headers.get('upload-offset')).toBe(String(CHUNK));

    await resumeOn(nodes.b, owner, url, clip);
    const status = await nodes.b.request('GET', `/v1/studio/uploads/${uploadId}`, auth(owner));
    expect(status.body).toMatchObject({
      state: 'accepted',
      checksum: createHash('sha256').update(clip).digest('hex'),
    });
    // tus's objects are gone once the original is in media storage.
    expect((await keys()).filter((k) => k.includes(uploadId))).toEqual([`uploads/${uploadId}/original`]);

    const created = await nodes.b.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      ...auth(owner),
      body: { title: 'Uploaded through two nodes to S3', uploadId },
    });
    expect(created.status).toBe(201);
    expect((await untilState(nodes.a, owner, created.body.id, 'ready')).state).toBe('ready');
  }, 90_000);
});
