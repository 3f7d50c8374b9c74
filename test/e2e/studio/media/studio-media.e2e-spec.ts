import { readFileSync } from 'node:fs';
import * as tus from 'tus-js-client';
import { eventually, type TestApp } from '@lib/platform/testing';
import { startShowrunner, type RegisteredUser } from '../../../support/showrunner.js';
import { withStudioAccess } from '../../../support/billing.js';
import { addMember, studioPerson } from '../studio-helpers.js';
import { makeClip, tusHttpStack } from './media-harness.js';

/**
 * Media inside the whole platform: a channel made through the studio API, a viewer invited, a clip
 * uploaded through tus, a video created from it, and its renditions and signed thumbnail URLs
 * reached through the channel side's video view.
 */
describe('studio media in the whole platform', () => {
  let app: TestApp;
  let owner: RegisteredUser;
  let viewer: RegisteredUser;
  let channelId: string;
  const clip = readFileSync(makeClip({ width: 640, height: 360, seconds: 2 }));

  beforeAll(async () => {
    app = await startShowrunner();
    [owner, viewer] = await Promise.all([studioPerson(app), studioPerson(app)]);
    await withStudioAccess(app, owner);
    const channel = await app.request('POST', '/v1/studio/channels', {
      token: owner.tokens.accessToken,
      body: { name: 'Media test channel' },
    });
    expect(channel.status).toBe(201);
    channelId = channel.body.id;
    await addMember(app, channelId, owner, viewer, 'viewer');
  }, 60_000);
  afterAll(() => app?.close());

  const tusUpload = (user: RegisteredUser, bytes: Buffer) =>
    new Promise<string>((resolve, reject) => {
      const upload = new tus.Upload(bytes, {
        endpoint: `${app.url}/v1/studio/uploads`,
        httpStack: tusHttpStack(app),
        headers: { authorization: `Bearer ${user.tokens.accessToken}` },
        metadata: { channelId, filename: 'pilot.mp4' },
        chunkSize: 128 * 1024,
        retryDelays: [],
        onError: reject,
        onSuccess: () => resolve(upload.url!.split('/').pop()!),
      });
      upload.start();
    });

  it('uploads through tus, processes into renditions and thumbnails, served through signed URLs', async () => {
    const uploadId = await tusUpload(owner, clip);
    const created = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      token: owner.tokens.accessToken,
      body: { title: 'Pilot', uploadId },
    });
    expect(created.status).toBe(201);
    const videoId = created.body.id as string;

    const video = await eventually(
      async () => {
        const answer = await app.request('GET', `/v1/studio/videos/${videoId}`, { token: owner.tokens.accessToken });
        expect(answer.status).toBe(200);
        expect(answer.body.state).toBe('ready');
        return answer.body;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(video.renditions.map((r: { name: string }) => r.name)).toEqual(['360p']);
    expect(video.thumbnails).toHaveLength(3);
    // The thumbnail URLs the channel side hands out are media's signed URLs, served by the media route.
    const thumbnail = await fetch(`${app.url}${(video.thumbnails[0].url as string).replace(/^https?:\/\/[^/]+/, '')}`);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/jpeg');

    const again = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      token: owner.tokens.accessToken,
      body: { title: 'Twice', uploadId },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('studio.upload.already-used');
  }, 90_000);

  it('refuses a tus upload by a channel viewer (403)', async () => {
    await expect(tusUpload(viewer, clip)).rejects.toMatchObject({ originalResponse: expect.anything() });
    const answer = await fetch(`${app.url}/v1/studio/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        authorization: `Bearer ${viewer.tokens.accessToken}`,
        'upload-length': String(clip.length),
        'upload-metadata': `channelId ${Buffer.from(channelId).toString('base64')}`,
      },
    });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { code: string }).code).toBe('studio.channel.role-required');
  });
});
