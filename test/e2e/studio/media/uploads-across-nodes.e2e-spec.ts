import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestApp } from '@lib/platform/testing';
import type { RegisteredUser } from '../../../support/showrunner.js';
import { auth, createChannel, onTestServer, studioPerson, untilState } from '../studio-helpers.js';
import { makeClip } from './media-harness.js';
import { bearer, CHUNK, head, resumeOn, startNodes, startOn, TUS, type Nodes } from './nodes-harness.js';

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

  it('the same upload PATCHed through both nodes at once ends whole and consistent', async () => {
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
