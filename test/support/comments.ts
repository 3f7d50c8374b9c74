import { randomUUID } from 'node:crypto';
import { eventually, type TestApp } from '@lib/platform/testing';
import { sql } from './billing.js';
import { auth } from './messaging.js';
import type { RegisteredUser } from './showrunner.js';

/** A studio event entering through the outbox exactly as studio's own publish, unpublish or delete writes it. */
export async function studioVideoEvent(
  app: TestApp,
  type: 'studio.video-published.v1' | 'studio.video-unpublished.v1' | 'studio.video-deleted.v1',
  payload: Record<string, unknown>,
): Promise<void> {
  await sql(
    app,
    `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
    [randomUUID(), type, JSON.stringify(payload), payload.videoId],
  );
}

/** A video of the channel published by studio; resolves once engagement takes comments on it. */
export async function publishedVideo(app: TestApp, creator: RegisteredUser, channelId: string): Promise<string> {
  const videoId = randomUUID();
  await studioVideoEvent(app, 'studio.video-published.v1', {
    videoId,
    channelId,
    creatorId: creator.user.id,
    title: 'Episode',
    accessLevel: 'free',
    earlyAccessDays: null,
    seriesId: null,
    publishedAt: new Date().toISOString(),
  });
  await eventually(async () => {
    expect((await app.request('GET', `/v1/videos/${videoId}/comments`, auth(creator))).status).toBe(200);
  });
  return videoId;
}

export async function comment(
  app: TestApp,
  author: RegisteredUser,
  videoId: string,
  text: string,
  replyToId?: string,
): Promise<{ id: string; threadId: string | null; status: string; [key: string]: unknown }> {
  const answer = await app.request('POST', `/v1/videos/${videoId}/comments`, {
    ...auth(author),
    body: replyToId ? { text, replyToId } : { text },
  });
  if (answer.status !== 201) throw new Error(`comment failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
