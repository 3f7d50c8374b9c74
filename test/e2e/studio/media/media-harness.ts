import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { DefaultHttpStack, type HttpStack } from 'tus-js-client';
import type { TestApp } from '@lib/platform/testing';
import { onTestServer } from '../studio-helpers.js';

/** Helpers for the media tests, which run on the whole platform (startShowrunner). */

/** Runs `work` in its own EntityManager context (services called from a test, outside a request). */
export function inContext<T>(app: TestApp, work: () => Promise<T>): Promise<T> {
  return RequestContext.create(app.app.get(MikroORM).em, work);
}

const clips = mkdtempSync(join(tmpdir(), 'showrunner-clips-'));
let clipCount = 0;

/** A tiny real clip from ffmpeg's test sources (H.264/AAC in MP4 unless told otherwise). */
export function makeClip(
  options: { width?: number; height?: number; seconds?: number; audio?: boolean; ext?: string; extra?: string[] } = {},
): string {
  const { width = 640, height = 360, seconds = 2, audio = true, ext = 'mp4', extra = [] } = options;
  const path = join(clips, `clip-${++clipCount}.${ext}`);
  const args = [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${width}x${height}:rate=24:duration=${seconds}`,
  ];
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (audio) args.push('-c:a', 'aac', '-shortest');
  args.push(...extra, path);
  execFileSync('ffmpeg', args);
  return path;
}

export const clipsDir = clips;

/** tus-js-client's HTTP stack, sending to the test server what the app addresses to PUBLIC_URL (as a reverse proxy would). */
export function tusHttpStack(app: TestApp): HttpStack {
  const stack = new DefaultHttpStack({});
  return {
    createRequest: (method, url) => stack.createRequest(method, onTestServer(app, url)),
    getName: () => stack.getName(),
  };
}
