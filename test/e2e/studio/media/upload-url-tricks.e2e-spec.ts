import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import type { TestApp } from '@lib/platform/testing';
import { startShowrunner, type RegisteredUser } from '../../../support/showrunner.js';
import { createChannel, studioPerson } from '../studio-helpers.js';
import { makeClip } from './media-harness.js';

const PUBLIC_URL = 'https://uploads.showrunner.test';
const b64 = (value: string) => Buffer.from(value).toString('base64');

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Attacks on tus uploads through the URL and the Host header. The controller authorises the id in
 * the route; tus must act on exactly that upload, however the rest of the URL is dressed up, and
 * must not echo a forged host back in `Location`.
 */
describe('studio uploads: URL tricks and forged hosts', () => {
  let app: TestApp;
  let attacker: RegisteredUser;
  let victim: RegisteredUser;
  let attackerChannel: string;
  let victimChannel: string;
  const clip = readFileSync(makeClip({ width: 160, height: 90, seconds: 1 }));

  beforeAll(async () => {
    app = await startShowrunner({ PUBLIC_URL, TRUST_PROXY: 'true' });
    [attacker, victim] = await Promise.all([studioPerson(app), studioPerson(app)]);
    [attackerChannel, victimChannel] = await Promise.all([
      createChannel(app, attacker, 'Attacker channel'),
      createChannel(app, victim, 'Victim channel'),
    ]);
  }, 60_000);
  afterAll(() => app?.close());

  /** An HTTP request with the path sent byte for byte (fetch would normalise it). */
  function raw(method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<RawAnswer> {
    const { hostname, port } = new URL(app.url);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: hostname, port, method, path, headers: { 'tus-resumable': '1.0.0', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const bearer = (user: RegisteredUser) => ({ authorization: `Bearer ${user.tokens.accessToken}` });

  async function startUpload(
    user: RegisteredUser,
    channelId: string,
    length: number,
    headers: Record<string, string> = {},
  ): Promise<{ id: string; answer: RawAnswer }> {
    const answer = await raw('POST', '/v1/studio/uploads', {
      ...bearer(user),
      'upload-length': String(length),
      'upload-metadata': `channelId ${b64(channelId)},filename ${b64('clip.mp4')}`,
      ...headers,
    });
    expect(answer.status).toBe(201);
    return { id: String(answer.headers.location).split('/').pop()!, answer };
  }

  const patchHeaders = (user: RegisteredUser, offset = 0) => ({
    ...bearer(user),
    'upload-offset': String(offset),
    'content-type': 'application/offset+octet-stream',
  });

  /** What the victim's own client sees of their upload: its offset, its length and its state. */
  async function victimSees(id: string) {
    const head = await raw('HEAD', `/v1/studio/uploads/${id}`, bearer(victim));
    const status = await app.request('GET', `/v1/studio/uploads/${id}`, { token: victim.tokens.accessToken });
    return {
      head: head.status,
      offset: head.headers['upload-offset'],
      length: head.headers['upload-length'],
      state: status.body.state,
    };
  }

  /** Every way of naming the victim's upload in a URL whose route parameter is the attacker's own upload. */
  const tricks: Array<[string, (own: string, victim: string) => string]> = [
    ['a query ending in /<victim>', (own, v) => `/v1/studio/uploads/${own}?x=/${v}`],
    ['a query ending in /<victim>/', (own, v) => `/v1/studio/uploads/${own}?x=/${v}/`],
    ['a query with a double slash', (own, v) => `/v1/studio/uploads/${own}?x=//${v}`],
    ['a query with an encoded slash', (own, v) => `/v1/studio/uploads/${own}?x=%2F${v}`],
    ['a fragment', (own, v) => `/v1/studio/uploads/${own}#/${v}`],
    ['an encoded slash in the path', (own, v) => `/v1/studio/uploads/${own}%2F${v}`],
    ['a trailing path segment', (own, v) => `/v1/studio/uploads/${own}/${v}`],
    ['a dot-dot segment', (own, v) => `/v1/studio/uploads/${v}/../${own}`],
    ['a semicolon parameter', (own, v) => `/v1/studio/uploads/${own};/${v}`],
    ['a double slash before the path', (own, v) => `//v1/studio/uploads/${own}?x=/${v}`],
  ];

  describe.each(tricks)('with %s', (_name, url) => {
    it('PATCH cannot write into, or complete, the victim’s upload', async () => {
      const [{ id: victimUpload }, { id: ownUpload }] = await Promise.all([
        startUpload(victim, victimChannel, clip.length),
        startUpload(attacker, attackerChannel, clip.length),
      ]);
      const answer = await raw('PATCH', url(ownUpload, victimUpload), patchHeaders(attacker), clip);
      expect(answer.status).not.toBe(500);
      expect(await victimSees(victimUpload)).toEqual({
        head: 200,
        offset: '0',
        length: String(clip.length),
        state: 'uploading',
      });
      // The victim can still upload their own bytes.
      const resumed = await raw('PATCH', `/v1/studio/uploads/${victimUpload}`, patchHeaders(victim), clip);
      expect(resumed.status).toBe(204);
    }, 30_000);

    it('HEAD does not reveal the victim’s upload', async () => {
      const [{ id: victimUpload }, { id: ownUpload }] = await Promise.all([
        startUpload(victim, victimChannel, 4321),
        startUpload(attacker, attackerChannel, 1234),
      ]);
      await raw('PATCH', `/v1/studio/uploads/${victimUpload}`, patchHeaders(victim), Buffer.alloc(99, 1));
      const answer = await raw('HEAD', url(ownUpload, victimUpload), bearer(attacker));
      expect(answer.status).not.toBe(500);
      expect(answer.headers['upload-length']).not.toBe('4321');
      expect(answer.headers['upload-offset']).not.toBe('99');
    });

    it('DELETE cannot terminate the victim’s upload', async () => {
      const [{ id: victimUpload }, { id: ownUpload }] = await Promise.all([
        startUpload(victim, victimChannel, 4321),
        startUpload(attacker, attackerChannel, 1234),
      ]);
      const answer = await raw('DELETE', url(ownUpload, victimUpload), bearer(attacker));
      expect(answer.status).not.toBe(500);
      expect(await victimSees(victimUpload)).toEqual({ head: 200, offset: '0', length: '4321', state: 'uploading' });
    });
  });

  it('still serves the attacker’s own upload through a URL with a query string', async () => {
    const { id } = await startUpload(attacker, attackerChannel, clip.length);
    const half = Math.floor(clip.length / 2);
    expect(
      (await raw('PATCH', `/v1/studio/uploads/${id}?via=proxy`, patchHeaders(attacker), clip.subarray(0, half))).status,
    ).toBe(204);
    const head = await raw('HEAD', `/v1/studio/uploads/${id}?via=proxy`, bearer(attacker));
    expect(head.headers['upload-offset']).toBe(String(half));
    expect(
      (await raw('PATCH', `/v1/studio/uploads/${id}?via=proxy`, patchHeaders(attacker, half), clip.subarray(half)))
        .status,
    ).toBe(204);
    expect(
      (await app.request('GET', `/v1/studio/uploads/${id}`, { token: attacker.tokens.accessToken })).body.state,
    ).toBe('accepted');
  });

  it('builds Location from PUBLIC_URL, never from a forged Host or forwarding header', async () => {
    const forgeries: Array<Record<string, string>> = [
      { host: 'evil.example' },
      { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      { forwarded: 'host=evil.example;proto=http' },
    ];
    for (const forged of forgeries) {
      const { id, answer } = await startUpload(attacker, attackerChannel, 10, forged);
      expect(answer.headers.location).toBe(`${PUBLIC_URL}/v1/studio/uploads/${id}`);
    }
  });
});
