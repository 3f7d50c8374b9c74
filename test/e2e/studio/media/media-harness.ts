import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { PersistenceModule, PlatformModule } from '@lib/platform';
import { BillingModule } from '@lib/billing';
import { IdentityModule } from '@lib/identity';
import type { AppConfig } from '@config';
import { startTestApp, type TestApp, type TestDatabase } from '@lib/platform/testing';
import { ChannelAccess, MediaProcessingListener, type ChannelRole, type MediaAssetView, type MediaStep } from '../../../../libs/studio/src/application/media/media-ports.js';
import {
  MEDIA_CONTROLLERS,
  MEDIA_ENTITIES,
  MEDIA_IMPORTS,
  MEDIA_PROVIDERS,
  MEDIA_SQL_ONLY_TABLES,
} from '../../../../libs/studio/src/infrastructure/media/media.wiring.js';

/** What the channel side was told, in order (the seam's listener, recorded). */
export class RecordingListener extends MediaProcessingListener {
  readonly events: Array<{ type: 'progress' | 'ready' | 'failed'; assetId: string; step?: MediaStep; percent?: number; code?: string; asset?: MediaAssetView }> = [];
  async onProgress(event: { assetId: string; step: MediaStep; percent: number }) {
    this.events.push({ type: 'progress', assetId: event.assetId, step: event.step, percent: event.percent });
  }
  async onReady(event: { assetId: string; asset: MediaAssetView }) {
    this.events.push({ type: 'ready', assetId: event.assetId, asset: event.asset });
  }
  async onFailed(event: { assetId: string; step: MediaStep; code: string }) {
    this.events.push({ type: 'failed', assetId: event.assetId, step: event.step, code: event.code });
  }
  of(assetId: string) {
    return this.events.filter((e) => e.assetId === assetId);
  }
}

/** Channel roles set by the test: the media side only sees the seam. */
export class FixedChannelAccess extends ChannelAccess {
  readonly roles = new Map<string, ChannelRole>();
  readonly owners = new Map<string, string>();
  async roleOf(userId: string, channelId: string) {
    return this.roles.get(`${channelId}:${userId}`) ?? null;
  }
  async memberIds(channelId: string) {
    return [...this.roles.keys()].filter((k) => k.startsWith(`${channelId}:`)).map((k) => k.split(':')[1]!);
  }
  async ownerOf(channelId: string) {
    return this.owners.get(channelId) ?? null;
  }
}

/**
 * The media half of studio alone (with identity for tokens and billing for plans), the channel half
 * replaced at the seam: for the pipeline before the whole of studio is wired.
 */
export function startMediaHarness(env: Record<string, string> = {}, database?: TestDatabase): Promise<{ app: TestApp; listener: RecordingListener; channels: FixedChannelAccess }> {
  const listener = new RecordingListener();
  const channels = new FixedChannelAccess();
  @Module({
    imports: [...MEDIA_IMPORTS, PersistenceModule.forFeature(MEDIA_ENTITIES, { sqlOnlyTables: MEDIA_SQL_ONLY_TABLES })],
    controllers: MEDIA_CONTROLLERS,
    providers: [...MEDIA_PROVIDERS, { provide: ChannelAccess, useValue: channels }, { provide: MediaProcessingListener, useValue: listener }],
  })
  class MediaHarnessModule {}
  const build = (config: AppConfig): DynamicModule => ({
    module: class HarnessRoot {},
    imports: [PlatformModule.forRoot({ config, http: true, worker: true }), IdentityModule, BillingModule, MediaHarnessModule],
  });
  return startTestApp(build, { env, database }).then((app) => ({ app, listener, channels }));
}

/** Runs `work` in its own EntityManager context (services called from a test, outside a request). */
export function inContext<T>(app: TestApp, work: () => Promise<T>): Promise<T> {
  return RequestContext.create(app.app.get(MikroORM).em, work);
}

const clips = mkdtempSync(join(tmpdir(), 'showrunner-clips-'));
let clipCount = 0;

/** A tiny real clip from ffmpeg's test sources (H.264/AAC in MP4 unless told otherwise). */
export function makeClip(options: { width?: number; height?: number; seconds?: number; audio?: boolean; ext?: string; extra?: string[] } = {}): string {
  const { width = 640, height = 360, seconds = 2, audio = true, ext = 'mp4', extra = [] } = options;
  const path = join(clips, `clip-${++clipCount}.${ext}`);
  const args = ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=24:duration=${seconds}`];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac', '-shortest');
  args.push(...extra, path);
  execFileSync('ffmpeg', args);
  return path;
}

export const clipsDir = clips;
