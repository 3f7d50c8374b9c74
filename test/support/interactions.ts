import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { RedisConnections } from '@lib/platform';
import { eventsConsumed, type TestApp } from '@lib/platform/testing';
import { registerUser, type RegisteredUser } from './showrunner.js';

export const auth = (user: RegisteredUser) => ({ token: user.tokens.accessToken });

export async function sql<T = Record<string, unknown>>(
  app: TestApp,
  query: string,
  params: unknown[] = [],
): Promise<T[]> {
  return app.app.get(MikroORM).em.fork().execute<T[]>(query, params);
}

/**
 * Runs `act` with a repeatable job's queue paused in this process (after any run in progress ends):
 * a test that runs the job's use case itself and counts what that run did would otherwise race the
 * schedule, which may do the work first.
 */
export async function withScheduleHeld<T>(app: TestApp, queueName: string, act: () => Promise<T>): Promise<T> {
  const queue = app.app.get<Queue>(getQueueToken(queueName), { strict: false });
  await queue.pause(true);
  try {
    return await act();
  } finally {
    await queue.resume(true);
  }
}

export interface StudioVideo {
  videoId: string;
  channelId: string;
  creatorId: string;
  version: number;
}

/** Writes one of studio's video events into the outbox exactly as studio's own commit does, and waits for engagement. */
async function studioEvent(app: TestApp, video: StudioVideo, type: string, payload: Record<string, unknown>) {
  video.version += 1;
  await sql(
    app,
    `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, ?, now())`,
    [randomUUID(), type, JSON.stringify(payload), video.videoId, video.version],
  );
  await eventsConsumed(app, 'engagement.remember-video', { type, payload: { videoId: video.videoId } });
}

/** A video studio has published (and engagement has heard of). */
export async function publishedVideo(
  app: TestApp,
  options: {
    accessLevel?: string;
    durationSeconds?: number | null;
    earlyAccessDays?: number | null;
    title?: string;
  } = {},
): Promise<StudioVideo> {
  const video = { videoId: randomUUID(), channelId: randomUUID(), creatorId: randomUUID(), version: 0 };
  await studioEvent(app, video, 'studio.video-published.v1', {
    videoId: video.videoId,
    channelId: video.channelId,
    creatorId: video.creatorId,
    title: options.title ?? 'Episode',
    accessLevel: options.accessLevel ?? 'free',
    earlyAccessDays: options.earlyAccessDays ?? null,
    seriesId: null,
    durationSeconds: options.durationSeconds === undefined ? 600 : options.durationSeconds,
    publishedAt: new Date().toISOString(),
  });
  return video;
}

export function unpublish(app: TestApp, video: StudioVideo): Promise<void> {
  return studioEvent(app, video, 'studio.video-unpublished.v1', {
    videoId: video.videoId,
    channelId: video.channelId,
    unpublishedAt: new Date().toISOString(),
  });
}

export function deleteVideo(app: TestApp, video: StudioVideo): Promise<void> {
  return studioEvent(app, video, 'studio.video-deleted.v1', {
    videoId: video.videoId,
    channelId: video.channelId,
    deletedAt: new Date().toISOString(),
  });
}

/** Payloads (with the envelope's aggregate version) of one event type about one video, oldest first. */
export async function outboxEvents(
  app: TestApp,
  type: string,
  videoId: string,
): Promise<Array<{ payload: Record<string, any>; version: number }>> {
  const rows = await sql<{ payload: Record<string, any>; aggregate_version: number }>(
    app,
    `select payload, aggregate_version from platform.outbox where type = ? and payload->>'videoId' = ? order by aggregate_version, occurred_at`,
    [type, videoId],
  );
  return rows.map((row) => ({ payload: row.payload, version: Number(row.aggregate_version) }));
}

/**
 * `count` fresh accounts. Registrations are limited per address (identity, 20 an hour) and every
 * test registers from 127.0.0.1, so the address's window is emptied before each batch.
 */
export async function people(app: TestApp, count: number): Promise<RegisteredUser[]> {
  const redis = app.app.get(RedisConnections);
  const registered: RegisteredUser[] = [];
  while (registered.length < count) {
    const keys = await redis.commands().keys(`${redis.key('rate', 'register-ip')}*`);
    if (keys.length) await redis.commands().del(...keys);
    const batch = Math.min(10, count - registered.length);
    registered.push(...(await Promise.all(Array.from({ length: batch }, () => registerUser(app)))));
  }
  return registered;
}
