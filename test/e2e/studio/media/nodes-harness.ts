import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tus from 'tus-js-client';
import { createTestDatabase, startTestApp, uniquePrefix, type TestApp, type TestDatabase } from '@lib/platform/testing';
import { ApiModule } from '../../../../apps/api/src/api.module.js';
import { StandaloneModule } from '../../../../apps/standalone/src/standalone.module.js';
import type { RegisteredUser } from '../../../support/showrunner.js';
import { onTestServer } from '../studio-helpers.js';
import { tusHttpStack } from './media-harness.js';

/** Two API nodes sharing a database, Redis and media store, and tus-js-client moved between them (uploads-across-nodes*.e2e-spec.ts). */

export const TUS = { 'tus-resumable': '1.0.0' };
export const CHUNK = 64 * 1024;
export const bearer = (user: RegisteredUser) => ({ authorization: `Bearer ${user.tokens.accessToken}` });

export interface Nodes {
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
export async function startNodes(env: Record<string, string>): Promise<Nodes> {
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
export function startOn(node: TestApp, user: RegisteredUser, channelId: string, clip: Buffer): Promise<string> {
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
export function resumeOn(node: TestApp, user: RegisteredUser, url: string, clip: Buffer): Promise<void> {
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

export const head = (node: TestApp, user: RegisteredUser, url: string) =>
  fetch(onTestServer(node, url), { method: 'HEAD', headers: { ...TUS, ...bearer(user) } });
