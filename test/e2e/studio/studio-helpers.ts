import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { eventually, type TestApp } from '@lib/platform/testing';
import { withStudioAccess } from '../../support/billing.js';
import { people } from '../../support/interactions.js';
import { registerUser, type RegisteredUser } from '../../support/showrunner.js';

export const auth = (user: RegisteredUser) => ({ token: user.tokens.accessToken });

/** A registered user once studio has learnt of them (identity's event reached studio.people). */
export async function studioPerson(app: TestApp): Promise<RegisteredUser> {
  const user = await registerUser(app);
  await eventually(async () => {
    const rows = await app.app
      .get(MikroORM)
      .em.fork()
      .execute(`select 1 from studio.people where user_id = ?`, [user.user.id]);
    expect(rows).toHaveLength(1);
  });
  return user;
}

/** `count` registered users studio knows, past the per-address registration limit (for files that need many). */
export async function studioPeople(app: TestApp, count: number): Promise<RegisteredUser[]> {
  const users = await people(app, count);
  await eventually(async () => {
    const rows = await app.app
      .get(MikroORM)
      .em.fork()
      .execute(`select 1 from studio.people where user_id = any(?::uuid[])`, [
        `{${users.map((u) => u.user.id).join(',')}}`,
      ]);
    expect(rows).toHaveLength(count);
  });
  return users;
}

/** Opens a channel; the owner is first put on Creator Plus if their plan lacks studio access. */
export async function createChannel(app: TestApp, owner: RegisteredUser, name = 'Night Kitchen'): Promise<string> {
  await withStudioAccess(app, owner);
  const answer = await app.request('POST', '/v1/studio/channels', { ...auth(owner), body: { name } });
  if (answer.status !== 201)
    throw new Error(`channel creation failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/** Invites and accepts: `member` ends up on the channel with `role`. */
export async function addMember(
  app: TestApp,
  channelId: string,
  owner: RegisteredUser,
  member: RegisteredUser,
  role: 'editor' | 'viewer',
): Promise<void> {
  const invite = await app.request('POST', `/v1/studio/channels/${channelId}/members`, {
    ...auth(owner),
    body: { handle: member.user.handle, role },
  });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const accept = await app.request('POST', `/v1/studio/channels/${channelId}/invitation/accept`, auth(member));
  if (accept.status !== 200) throw new Error(`accept failed: ${accept.status} ${JSON.stringify(accept.body)}`);
}

export async function outboxPayloads(
  app: TestApp,
  type: string,
  key: string,
  value: string,
): Promise<Record<string, unknown>[]> {
  const rows = await app.app
    .get(MikroORM)
    .em.fork()
    .execute<Array<{ payload: Record<string, unknown> }>>(
      `select payload from platform.outbox where type = ? and payload->>? = ? order by occurred_at`,
      [type, key, value],
    );
  return rows.map((row) => row.payload);
}

/** The media asset behind a video (the video view does not show it; storage keys and playback use it). */
export async function assetIdOf(app: TestApp, videoId: string): Promise<string> {
  const [row] = await sql<{ asset_id: string | null }>(app, `select asset_id from studio.videos where id = ?`, [
    videoId,
  ]);
  if (!row?.asset_id) throw new Error(`video ${videoId} has no asset`);
  return row.asset_id;
}

export async function sql<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  return app.app.get(MikroORM).em.fork().execute<T[]>(query, params);
}

const clipDir = mkdtempSync(join(tmpdir(), 'studio-clips-'));
let clips = 0;

/** A tiny real clip (H.264/AAC MP4) from ffmpeg's test sources. */
/** The same options make the same bytes (ffmpeg's test sources and x264 are deterministic): made once per file. */
const clipCache = new Map<string, Buffer>();

export function makeClip(seconds = 1, size = '320x180'): Buffer {
  const key = `${seconds}:${size}`;
  const cached = clipCache.get(key);
  if (cached) return Buffer.from(cached); // a copy: a test may corrupt its bytes on purpose
  const path = join(clipDir, `clip-${++clips}.mp4`);
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=24:duration=${seconds}`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', path],
  ]);
  const bytes = readFileSync(path);
  clipCache.set(key, bytes);
  return bytes;
}

const b64 = (value: string) => Buffer.from(value).toString('base64');

/** A URL the app handed out (built from PUBLIC_URL, not the test server's port), on the test server. */
export function onTestServer(app: TestApp, url: string): string {
  const { pathname, search } = new URL(url, app.url);
  return `${app.url}${pathname}${search}`;
}

/** Uploads bytes through tus (one PATCH) and returns the accepted upload's id. */
export async function uploadClip(
  app: TestApp,
  user: RegisteredUser,
  channelId: string,
  bytes: Buffer = makeClip(),
): Promise<string> {
  const headers = { 'tus-resumable': '1.0.0', authorization: `Bearer ${user.tokens.accessToken}` };
  const created = await fetch(`${app.url}/v1/studio/uploads`, {
    method: 'POST',
    headers: {
      ...headers,
      'upload-length': String(bytes.length),
      'upload-metadata': `channelId ${b64(channelId)},filename ${b64('episode.mp4')}`,
    },
  });
  if (created.status !== 201) throw new Error(`tus create failed: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location')!;
  const patched = await fetch(onTestServer(app, location), {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes,
  });
  if (patched.status !== 204) throw new Error(`tus patch failed: ${patched.status} ${await patched.text()}`);
  return location.split('/').pop()!;
}

/** Uploads `bytes` through tus and creates a video from them (processing queued); does not wait. */
export async function videoFromClip(
  app: TestApp,
  user: RegisteredUser,
  channelId: string,
  bytes: Buffer,
  title = 'Episode',
): Promise<{ videoId: string; assetId: string; uploadId: string; created: any }> {
  const uploadId = await uploadClip(app, user, channelId, bytes);
  const created = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
    ...auth(user),
    body: { title, uploadId },
  });
  if (created.status !== 201)
    throw new Error(`video creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  return { videoId: created.body.id, assetId: await assetIdOf(app, created.body.id), uploadId, created: created.body };
}

/** Creates a video from a fresh upload and waits until its media is ready. */
export async function readyVideo(
  app: TestApp,
  user: RegisteredUser,
  channelId: string,
  body: Record<string, unknown> = {},
): Promise<any> {
  const uploadId = await uploadClip(app, user, channelId);
  const created = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
    ...auth(user),
    body: { title: 'Episode', uploadId, ...body },
  });
  if (created.status !== 201)
    throw new Error(`video creation failed: ${created.status} ${JSON.stringify(created.body)}`);
  return untilState(app, user, created.body.id, 'ready');
}

export function untilState(
  app: TestApp,
  user: RegisteredUser,
  videoId: string,
  state: string,
  timeoutMs = 90_000,
): Promise<any> {
  return eventually(
    async () => {
      const answer = await app.request('GET', `/v1/studio/videos/${videoId}`, auth(user));
      expect(answer.body.state).toBe(state);
      return answer.body;
    },
    { timeoutMs, intervalMs: 200 },
  );
}

/** Uploads a branding image (`banner` or `logo`) as the raw body with the given content type. */
export async function putBrandingImage(
  app: TestApp,
  user: RegisteredUser,
  channelId: string,
  image: string,
  bytes: Buffer,
  contentType = 'image/png',
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.url}/v1/studio/channels/${channelId}/branding/${image}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${user.tokens.accessToken}`, 'content-type': contentType },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
