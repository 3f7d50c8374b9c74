import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import * as tus from 'tus-js-client';
import type { TestApp } from '@lib/platform/testing';
import { startShowrunner, type RegisteredUser } from '../../../support/showrunner.js';
import { addMember, createChannel, onTestServer, studioPerson } from '../studio-helpers.js';
import { localTusDirectory } from '../../../../libs/studio/src/infrastructure/media/tus-stores.js';
import { clipsDir, makeClip, tusHttpStack } from './media-harness.js';

const LIMIT = 3_000_000;
const b64 = (value: string) => Buffer.from(value).toString('base64');
const TUS = { 'tus-resumable': '1.0.0' };

/** A one-entry zip archive (stored, not compressed) holding `content`. */
function zipOf(name: string, content: Buffer): Buffer {
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + content.length, 16);
  return Buffer.concat([local, Buffer.from(name), content, central, Buffer.from(name), end]);
}

/**
 * tus uploads at /v1/studio/uploads on the whole platform: authorisation by the channel's real team,
 * limits by the channel owner's plan (a new user is on `free`), validation when the last byte
 * arrives, resumption.
 */
describe('studio uploads (tus)', () => {
  let app: TestApp;
  let owner: RegisteredUser;
  let editor: RegisteredUser;
  let viewer: RegisteredUser;
  let stranger: RegisteredUser;
  let channelId: string;
  const clip = readFileSync(makeClip({ width: 320, height: 180, seconds: 2, extra: ['-movflags', '+faststart'] }));

  beforeAll(async () => {
    app = await startShowrunner({
      MEDIA_UPLOAD_MAX_BYTES_BY_PLAN: `creator-plus:${LIMIT},studio-pro:${LIMIT * 100}`,
      MEDIA_UPLOAD_MAX_BYTES: String(LIMIT * 10),
    });
    [owner, editor, viewer, stranger] = await Promise.all([
      studioPerson(app),
      studioPerson(app),
      studioPerson(app),
      studioPerson(app),
    ]);
    channelId = await createChannel(app, owner, 'Upload test channel');
    await addMember(app, channelId, owner, editor, 'editor');
    await addMember(app, channelId, owner, viewer, 'viewer');
  }, 60_000);
  afterAll(() => app?.close());

  const auth = (user: RegisteredUser) => ({ authorization: `Bearer ${user.tokens.accessToken}` });
  const tusDir = () => localTusDirectory(app.config);

  async function create(
    user: RegisteredUser,
    length: number,
    metadata: Record<string, string> = { channelId, filename: 'clip.mp4' },
  ) {
    return fetch(`${app.url}/v1/studio/uploads`, {
      method: 'POST',
      headers: {
        ...TUS,
        ...auth(user),
        'upload-length': String(length),
        'upload-metadata': Object.entries(metadata)
          .map(([k, v]) => `${k} ${b64(v)}`)
          .join(','),
      },
    });
  }

  const patch = (user: RegisteredUser, location: string, offset: number, body: Buffer) =>
    fetch(onTestServer(app, location), {
      method: 'PATCH',
      headers: {
        ...TUS,
        ...auth(user),
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body,
    });

  /** Creates an upload and sends `bytes` in one PATCH; returns the final answer and the upload id. */
  async function uploadWhole(user: RegisteredUser, bytes: Buffer, filename = 'clip.mp4') {
    const created = await create(user, bytes.length, { channelId, filename });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    const id = location.split('/').pop()!;
    const answer = bytes.length ? await patch(user, location, 0, bytes) : created;
    return { answer, id, location };
  }

  async function expectRejected(bytes: Buffer, code: string) {
    const created = await create(owner, bytes.length);
    // An empty upload is finished (and refused) by its creation already.
    const answer = bytes.length ? await patch(owner, created.headers.get('location')!, 0, bytes) : created;
    expect(answer.status).toBe(422);
    const problem = JSON.parse(await answer.text());
    expect(problem).toMatchObject({ status: 422, code, uploadId: expect.any(String) });
    const id = problem.uploadId as string;
    const status = await app.request('GET', `/v1/studio/uploads/${id}`, { token: owner.tokens.accessToken });
    expect(status.body).toMatchObject({ state: 'rejected', error: { code } });
    // Storage freed: neither the partial file nor its tus record nor a stored original remains.
    expect(readdirSync(tusDir()).filter((f) => f.startsWith(id))).toEqual([]);
    expect(existsSync(join(app.config.dataDir, 'media', 'uploads', id))).toBe(false);
  }

  it('takes a real clip with tus-js-client in chunks, probes it, and finds it again by checksum', async () => {
    const uploadId = await new Promise<string>((resolve, reject) => {
      const upload = new tus.Upload(clip, {
        endpoint: `${app.url}/v1/studio/uploads`,
        httpStack: tusHttpStack(app),
        headers: auth(editor),
        metadata: { channelId, filename: 'episode-1.mp4' },
        chunkSize: 64 * 1024,
        retryDelays: [],
        onError: reject,
        onSuccess: () => resolve(upload.url!.split('/').pop()!),
      });
      upload.start();
    });
    const checksum = createHash('sha256').update(clip).digest('hex');
    const status = await app.request('GET', `/v1/studio/uploads/${uploadId}`, { token: editor.tokens.accessToken });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      id: uploadId,
      channelId,
      filename: 'episode-1.mp4',
      size: clip.length,
      state: 'accepted',
      checksum,
      width: 320,
      height: 180,
      error: null,
    });

    const other = createHash('sha256').update('something else').digest('hex');
    const check = await app.request('POST', '/v1/studio/uploads/check', {
      token: owner.tokens.accessToken,
      body: { channelId, checksums: [checksum, other] },
    });
    expect(check.status).toBe(200);
    expect(check.body.results).toEqual([
      { checksum, status: 'duplicate', uploadId, assetId: null },
      { checksum: other, status: 'new', uploadId: null, assetId: null },
    ]);
  }, 30_000);

  it('resumes an interrupted upload from the offset the server reports', async () => {
    const created = await create(owner, clip.length);
    const location = created.headers.get('location')!;
    const half = Math.floor(clip.length / 2);
    expect((await patch(owner, location, 0, clip.subarray(0, half))).status).toBe(204);
    const head = await fetch(onTestServer(app, location), { method: 'HEAD', headers: { ...TUS, ...auth(owner) } });
    expect(head.headers.get('upload-offset')).toBe(String(half));
    const rest = await patch(owner, location, half, clip.subarray(half));
    expect(rest.status).toBe(204);
    const status = await app.request('GET', `/v1/studio/uploads/${location.split('/').pop()}`, {
      token: owner.tokens.accessToken,
    });
    expect(status.body.state).toBe('accepted');
  });

  it('keeps the same upload consistent when it is resumed twice at once', async () => {
    const created = await create(owner, clip.length);
    const location = created.headers.get('location')!;
    const answers = await Promise.all([patch(owner, location, 0, clip), patch(owner, location, 0, clip)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toContain(204);
    expect(statuses.filter((s) => s !== 204).every((s) => s >= 400 && s < 500)).toBe(true);
    const status = await app.request('GET', `/v1/studio/uploads/${location.split('/').pop()}`, {
      token: owner.tokens.accessToken,
    });
    expect(status.body).toMatchObject({
      state: 'accepted',
      size: clip.length,
      checksum: createHash('sha256').update(clip).digest('hex'),
    });
  });

  it('takes a single PATCH larger than the JSON body limit (tus bodies stream to disk, unparsed)', async () => {
    const big = readFileSync(
      makeClip({
        width: 640,
        height: 360,
        seconds: 2,
        extra: ['-b:v', '9M', '-maxrate', '9M', '-bufsize', '9M', '-x264-params', 'nal-hrd=cbr'],
      }),
    );
    expect(big.length).toBeGreaterThan(app.config.http.bodyLimitBytes);
    expect(big.length).toBeLessThan(LIMIT);
    const { answer, id } = await uploadWhole(owner, big);
    expect(answer.status).toBe(204);
    expect((await app.request('GET', `/v1/studio/uploads/${id}`, { token: owner.tokens.accessToken })).body.state).toBe(
      'accepted',
    );
  });

  it('rejects a text file renamed to .mp4', () =>
    expectRejected(Buffer.from('This is not a video at all.\n'.repeat(200)), 'studio.media.unreadable'));

  it('rejects a truncated video', () =>
    expectRejected(clip.subarray(0, Math.floor(clip.length * 0.6)), 'studio.media.truncated'));

  it('rejects a zip archive', () => expectRejected(zipOf('clip.mp4', clip), 'studio.media.unreadable'));

  it('rejects an empty file', () => expectRejected(Buffer.alloc(0), 'studio.media.empty-file'));

  it('rejects an upload over the channel owner’s plan limit before any byte is sent (413)', async () => {
    const answer = await create(owner, LIMIT + 1);
    expect(answer.status).toBe(413);
    // Studio starts at Creator Plus (createChannel puts the owner on it).
    expect(await answer.json()).toMatchObject({
      code: 'studio.upload.too-large',
      limit: LIMIT,
      planId: 'creator-plus',
    });
  });

  it('refuses an upload by a channel viewer (403)', async () => {
    const answer = await create(viewer, clip.length);
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({
      code: 'studio.channel.role-required',
      required: 'editor',
      current: 'viewer',
    });
  });

  it('answers an upload into a channel the caller is not a member of as if it did not exist (404)', async () => {
    const answer = await create(stranger, clip.length);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ code: 'studio.channel.not-found' });
  });

  it('refuses an upload without a token (401)', async () => {
    const answer = await fetch(`${app.url}/v1/studio/uploads`, {
      method: 'POST',
      headers: { ...TUS, 'upload-length': '10', 'upload-metadata': `channelId ${b64(channelId)}` },
    });
    expect(answer.status).toBe(401);
  });

  it('refuses an upload without a channel in its metadata (400)', async () => {
    const answer = await create(owner, clip.length, { filename: 'clip.mp4' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ code: 'studio.upload.metadata-invalid' });
  });

  it('hides an upload from anyone but its uploader and channel members (404)', async () => {
    const created = await create(owner, clip.length);
    const location = created.headers.get('location')!;
    expect((await patch(stranger, location, 0, clip)).status).toBe(404);
    const status = await app.request('GET', `/v1/studio/uploads/${location.split('/').pop()}`, {
      token: stranger.tokens.accessToken,
    });
    expect(status.status).toBe(404);
    expect(status.body.code).toBe('studio.upload.not-found');
  });

  it('defuses path tricks in file names: the name is kept as a label, the file lives under a server id', async () => {
    const { answer, id } = await uploadWhole(owner, clip, '../../../etc/passwd');
    expect(answer.status).toBe(204);
    const status = await app.request('GET', `/v1/studio/uploads/${id}`, { token: owner.tokens.accessToken });
    expect(status.body).toMatchObject({ filename: 'passwd', state: 'accepted' });
    expect(existsSync(join(app.config.dataDir, 'media', 'uploads', id, 'original'))).toBe(true);
    writeFileSync(join(clipsDir, 'marker'), ''); // the clips folder stays the only place the test writes
  });

  it('refuses a malformed pre-check (400)', async () => {
    const answer = await app.request('POST', '/v1/studio/uploads/check', {
      token: owner.tokens.accessToken,
      body: { channelId, checksums: ['not-a-sha'] },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation.failed');
  });

  it('refuses the pre-check to a viewer (403)', async () => {
    const answer = await app.request('POST', '/v1/studio/uploads/check', {
      token: viewer.tokens.accessToken,
      body: { channelId, checksums: ['a'.repeat(64)] },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('studio.channel.role-required');
  });

  it('answers the pre-check into a channel the caller is not a member of as if it did not exist (404)', async () => {
    const answer = await app.request('POST', '/v1/studio/uploads/check', {
      token: stranger.tokens.accessToken,
      body: { channelId, checksums: ['a'.repeat(64)] },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('studio.channel.not-found');
  });

  // Found by the HTTP fuzzer once it used real upload ids: tus's own refusals were text/plain.
  it('answers tus protocol refusals as problem+json with a stable code (no Tus-Resumable 412, offset conflict 409)', async () => {
    const url = onTestServer(app, (await create(owner, clip.length)).headers.get('location')!);
    const refusals = [
      await fetch(url, { method: 'HEAD', headers: auth(owner) }),
      await fetch(url, { method: 'DELETE', headers: auth(owner) }),
      await patch(owner, url, 7, clip.subarray(0, 10)),
    ];
    expect(refusals.map((answer) => answer.status)).toEqual([412, 412, 409]);
    for (const answer of refusals) expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const [, deleted, conflict] = await Promise.all(refusals.map((answer) => answer.text()));
    expect(JSON.parse(deleted)).toMatchObject({ status: 412, code: 'studio.upload.tus-resumable-required' });
    expect(JSON.parse(conflict)).toMatchObject({ status: 409, code: 'studio.upload.offset-conflict' });
  });

  it('documents the upload and delivery routes in OpenAPI', async () => {
    const document = (await app.request('GET', '/docs-json')).body;
    const paths = Object.keys(document.paths).filter((p) => p.includes('/studio/uploads') || p.includes('/v1/media'));
    expect(paths.sort()).toEqual([
      '/v1/media/{assetId}/{path}',
      '/v1/studio/uploads',
      '/v1/studio/uploads/check',
      '/v1/studio/uploads/{id}',
    ]);
    const parameters = document.paths['/v1/media/{assetId}/{path}'].get.parameters.map(
      (p: { name: string; in: string }) => `${p.in}:${p.name}`,
    );
    expect(parameters.sort()).toEqual(['path:assetId', 'path:path', 'query:exp', 'query:sig']);
  });
});
