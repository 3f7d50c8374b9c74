import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { createTestDatabase, startTestApp, uniquePrefix, type TestApp, type TestDatabase } from '@lib/platform/testing';
import { ApiModule } from '../../../../apps/api/src/api.module.js';
import { StandaloneModule } from '../../../../apps/standalone/src/standalone.module.js';
import type { RegisteredUser } from '../../../support/showrunner.js';
import { auth, createChannel, onTestServer, studioPerson, untilState } from '../studio-helpers.js';
import { makeClip, tusHttpStack } from './media-harness.js';

const TUS = { 'tus-resumable': '1.0.0' };
const CHUNK = 64 * 1024;
const bearer = (user: RegisteredUser) => ({ authorization: `Bearer ${user.tokens.accessToken}` });

interface Nodes {
  /** API + worker (processes the video). */
  a: TestApp;
  /** API only. */
  b: TestApp;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * Two API nodes on one database, one Redis namespace and one media store, each with its own
 * DATA_DIR (scratch disk): what two containers behind a load balancer without sticky sessions share.
 */
async function startNodes(env: Record<string, string>): Promise<Nodes> {
  const database = await createTestDatabase();
  const prefix = uniquePrefix('nodes');
  const shared = { REDIS_PREFIX: prefix, SEARCH_INDEX_PREFIX: prefix, ...env };
  const nodeEnv = () => ({ ...shared, DATA_DIR: mkdtempSync(join(tmpdir(), 'showrunner-node-')) });
  const a = await startTestApp((config) => StandaloneModule.forRoot(config), { env: nodeEnv(), database });
  const b = await startTestApp((config) => ApiModule.forRoot(config), { env: nodeEnv(), database });
  return {
    a,
    b,
    database,
    close: async () => {
      await b.close();
      await a.close();
      await database.drop();
    },
  };
}

/** Starts an upload with tus-js-client on `node` and stops it after its first chunk; returns its URL. */
function startOn(node: TestApp, user: RegisteredUser, channelId: string, clip: Buffer): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const upload: tus.Upload = new tus.Upload(clip, {
      endpoint: `${node.url}/v1/studio/uploads`,
      httpStack: tusHttpStack(node),
      headers: bearer(user),
      metadata: { channelId, filename: 'across-nodes.mp4' },
      chunkSize: CHUNK,
      retryDelays: [],
      onError: reject,
      onChunkComplete: () => {
        void upload.abort().then(() => resolve(upload.url!));
      },
    });
    upload.start();
  });
}

/** Resumes the upload at `url` with tus-js-client on `node` (HEAD for the offset, then PATCHes) until it is finished. */
function resumeOn(node: TestApp, user: RegisteredUser, url: string, clip: Buffer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const upload = new tus.Upload(clip, {
      uploadUrl: url,
      httpStack: tusHttpStack(node),
      headers: bearer(user),
      chunkSize: CHUNK,
      retryDelays: [],
      onError: reject,
      onSuccess: () => resolve(),
    });
    upload.start();
  });
}

const head = (node: TestApp, user: RegisteredUser, url: string) =>
  fetch(onTestServer(node, url), { method: 'HEAD', headers: { ...TUS, ...bearer(user) } });

// MEDIA_STORAGE=s3 (@tus/s3-store) is not run here: s3rver answers ListParts, which the store calls on every request, with 405.
describe('tus uploads across API nodes, local media root shared by the nodes', () => {
  let nodes: Nodes;
  let owner: RegisteredUser;
  let channelId: string;
  const clip = readFileSync(makeClip({ width: 320, height: 180, seconds: 2 }));

  beforeAll(async () => {
    const mediaRoot = mkdtempSync(join(tmpdir(), 'showrunner-shared-media-'));
    nodes = await startNodes({ MEDIA_LOCAL_ROOT: mediaRoot });
    owner = await studioPerson(nodes.a);
    channelId = await createChannel(nodes.a, owner, 'Across nodes');
  }, 60_000);
  afterAll(() => nodes?.close());

  it('an upload started through node A resumes through node B, and its video is processed', async () => {
    expect(clip.length).toBeGreaterThan(2 * CHUNK);
    const url = await startOn(nodes.a, owner, channelId, clip);
    // Node B sees what node A received: the same offset, from the shared store.
    const offset = await head(nodes.b, owner, url);
    expect(offset.status).toBe(200);
    expect(offset.headers.get('upload-offset')).toBe(String(CHUNK));

    await resumeOn(nodes.b, owner, url, clip);
    const uploadId = url.split('/').pop()!;
    const status = await nodes.a.request('GET', `/v1/studio/uploads/${uploadId}`, auth(owner));
    expect(status.body).toMatchObject({
      state: 'accepted',
      size: clip.length,
      checksum: createHash('sha256').update(clip).digest('hex'),
    });

    const created = await nodes.b.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      ...auth(owner),
      body: { title: 'Uploaded through two nodes', uploadId },
    });
    expect(created.status).toBe(201);
    const ready = await untilState(nodes.a, owner, created.body.id, 'ready');
    expect(ready.renditions.map((r: { name: string }) => r.name)).toEqual(['180p']);
  }, 90_000);

  it('one lock across nodes: the same upload PATCHed through both at once ends whole and consistent', async () => {
    const created = await fetch(`${nodes.a.url}/v1/studio/uploads`, {
      method: 'POST',
      headers: {
        ...TUS,
        ...bearer(owner),
        'upload-length': String(clip.length),
        'upload-metadata': `channelId ${Buffer.from(channelId).toString('base64')}`,
      },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const patch = (node: TestApp) =>
      fetch(onTestServer(node, location), {
        method: 'PATCH',
        headers: { ...TUS, ...bearer(owner), 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        body: clip,
      });
    const answers = await Promise.all([patch(nodes.a), patch(nodes.b)]);
    const statuses = answers.map((a) => a.status);
    expect(statuses).toContain(204);
    expect(statuses.filter((s) => s !== 204).every((s) => s >= 400 && s < 500)).toBe(true);
    const status = await nodes.b.request('GET', `/v1/studio/uploads/${location.split('/').pop()}`, auth(owner));
    expect(status.body).toMatchObject({
      state: 'accepted',
      size: clip.length,
      checksum: createHash('sha256').update(clip).digest('hex'),
    });
  }, 60_000);
});
