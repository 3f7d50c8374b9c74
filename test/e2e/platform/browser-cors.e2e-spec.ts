import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { eventually, type TestApp } from '@lib/platform/testing';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { withApiAccess } from '../../support/billing.js';
import { auth, createChannel, studioPerson } from '../studio/studio-helpers.js';
import { makeClip } from '../studio/media/media-harness.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const tusBundle = readFileSync(createRequire(import.meta.url).resolve('tus-js-client/dist/tus.min.js'), 'utf8');

/** A web app on its own origin (`http://localhost:<port>`, while the API is on 127.0.0.1): a page with tus-js-client. */
async function startWebApp(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    if (request.url === '/tus.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(tusBundle);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>web app</title><script src="/tus.min.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${(server.address() as AddressInfo).port}` };
}

/**
 * A browser app on another origin uses the whole API: CORS allows every method the routes answer, the
 * headers they read, and exposes the headers clients need.
 */
describe('the API from a web app on another origin (headless Chromium)', () => {
  let app: TestApp;
  let web: { server: Server; origin: string };
  let browser: Browser;
  let page: Page;
  let creator: RegisteredUser;

  beforeAll(async () => {
    web = await startWebApp();
    app = await startShowrunner({ CORS_ORIGINS: web.origin });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    await page.goto(web.origin);
    creator = await withApiAccess(app, await studioPerson(app));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => web?.server.close(resolve));
  });

  it('edits the profile with PATCH (a preflighted method) and reads the request id', async () => {
    const answer = await page.evaluate(
      async ({ api, token }) => {
        const response = await fetch(`${api}/v1/me`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ displayName: 'Edited in a browser' }),
        });
        return {
          status: response.status,
          body: (await response.json()) as { displayName: string },
          requestId: response.headers.get('x-request-id'),
        };
      },
      { api: app.url, token: creator.tokens.accessToken },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.displayName).toBe('Edited in a browser');
    expect(answer.requestId).toEqual(expect.any(String));
  });

  it('creates with an Idempotency-Key, deletes with DELETE and reads a refusal as problem details', async () => {
    const answer = await page.evaluate(
      async ({ api, token }) => {
        const created = await fetch(`${api}/v1/me/api-keys`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'k-1' },
          body: JSON.stringify({ name: 'browser key', scopes: ['profile:read'] }),
        });
        const key = (await created.json()) as { apiKey: { id: string } };
        const removed = await fetch(`${api}/v1/me/api-keys/${key.apiKey.id}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${token}` },
        });
        const refused = await fetch(`${api}/v1/me`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ bio: 'no token' }),
        });
        return {
          created: created.status,
          removed: removed.status,
          refused: refused.status,
          code: ((await refused.json()) as { code: string }).code,
        };
      },
      { api: app.url, token: creator.tokens.accessToken },
    );
    expect(answer).toEqual({ created: 201, removed: 204, refused: 401, code: expect.stringMatching(/^auth\./) });
  });

  it('uploads a video with tus-js-client running in the page, resuming from the Location it can read', async () => {
    const channelId = await createChannel(app, creator, 'Browser uploads');
    const clip = readFileSync(makeClip({ width: 320, height: 180, seconds: 1 })).toString('base64');
    const uploadUrl = await page.evaluate(
      async ({ api, token, channelId, clip }) => {
        const tus = (globalThis as any).tus;
        const bytes = Uint8Array.from(atob(clip), (c) => c.charCodeAt(0));
        // The app addresses uploads to its PUBLIC_URL; the page talks to the test server's real address.
        const stack = new tus.DefaultHttpStack({});
        const httpStack = {
          createRequest: (method: string, url: string) => {
            const { pathname, search } = new URL(url, api);
            return stack.createRequest(method, `${api}${pathname}${search}`);
          },
          getName: () => 'rewriting',
        };
        return await new Promise<string>((resolve, reject) => {
          const upload = new tus.Upload(new Blob([bytes], { type: 'video/mp4' }), {
            endpoint: `${api}/v1/studio/uploads`,
            headers: { authorization: `Bearer ${token}` },
            metadata: { channelId, filename: 'from-the-browser.mp4' },
            // Two PATCHes, so the second depends on the Upload-Offset the browser could read.
            chunkSize: Math.ceil(bytes.length / 2),
            retryDelays: [],
            httpStack,
            onError: (error: Error) => reject(new Error(String(error))),
            onSuccess: () => resolve(upload.url),
          });
          upload.start();
        });
      },
      { api: app.url, token: creator.tokens.accessToken, channelId, clip },
    );
    const uploadId = new URL(uploadUrl).pathname.split('/').pop();
    await eventually(async () => {
      const status = await app.request('GET', `/v1/studio/uploads/${uploadId}`, auth(creator));
      expect(status.body.state).toBe('accepted');
    });
  });

  it('allows no other origin', async () => {
    const foreign = await fetch(`${app.url}/v1/me`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example.net',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(`${app.url}/v1/me`, {
      method: 'OPTIONS',
      headers: {
        origin: web.origin,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(web.origin);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
  });
});
