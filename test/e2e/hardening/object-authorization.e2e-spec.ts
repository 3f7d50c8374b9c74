import { randomUUID } from 'node:crypto';
import { eventually, type TestApp } from '@lib/platform/testing';
import {
  AnswerLog,
  concretePath,
  describeOperation,
  inPool,
  loadApiDocument,
  operationsOf,
  pathParamValue,
  sampleOf,
  type ApiDocument,
  type ApiOperation,
} from '../../support/api-sweep.js';
import { sql } from '../../support/billing.js';
import { publishedVideo, comment } from '../../support/comments.js';
import { person } from '../../support/messaging.js';
import { idTaking, TABLE, type Fixtures } from '../../support/object-authorization.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, studioPerson, uploadClip } from '../studio/studio-helpers.js';

const CONCURRENCY = 8;
/** Webhooks, outbox and notifications settle in well under a second alone; CI runs three files at once. */
const SLOW_UNDER_LOAD = { timeoutMs: 30_000, intervalMs: 100 };
/** Written into every name and text A creates: it must never appear in an answer to B. */
const MARKER = `bola-secret-${randomUUID().slice(0, 8)}`;

/** Bodies B sends where the schema's minimal shape is not valid: refusals must come from ownership, not validation. */
const BODIES: Record<string, (fx: Fixtures) => unknown> = {
  'PATCH /v1/conversations/{id}/messages/{messageId}': () => ({ text: 'edited by someone else' }),
  'POST /v1/conversations/{id}/read': () => ({ upToSeq: 1 }),
  'POST /v1/conversations/{id}/members': () => ({ userIds: [randomUUID()] }),
  'PATCH /v1/playlists/{id}/items': (fx) => ({ order: [fx.engagementVideoId] }),
  'PUT /v1/videos/{id}/pinned-comment': (fx) => ({ commentId: fx.commentId }),
  'POST /v1/studio/channels/{channelId}/ownership': () => ({ userId: randomUUID() }),
  'POST /v1/studio/channels/{channelId}/videos': () => ({ title: 'intruder', uploadId: randomUUID() }),
  'PUT /v1/studio/videos/{videoId}/captions/{language}': () => ({
    content: 'WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n',
  }),
  'PATCH /v1/studio/channels/{channelId}/members/{userId}': () => ({ role: 'editor' }),
  // A complete counter-notice: only the uploader may file one, so B's must be refused for who B is.
  'POST /v1/dmca/notices/{id}/counter-notice': () => ({
    removedMaterial: 'My own footage',
    mistakeStatement: true,
    jurisdictionConsent: true,
    contact: { name: 'Bea', address: '2 Side St, Shelbyville', phone: '+1 555 0199' },
    signature: 'Bea',
  }),
  'POST /v1/studio/channels/{channelId}/members': () => ({ handle: 'someone', role: 'editor' }),
};

const RANGE = `from=${new Date(Date.now() - 7 * 86_400_000).toISOString()}&to=${new Date().toISOString()}`;
/** Query strings a route requires, for the same reason. */
const QUERIES: Record<string, string> = {
  'GET /v1/insights/channels/{id}/overview': RANGE,
  'GET /v1/insights/videos/{id}': RANGE,
  'DELETE /v1/studio/channels/{channelId}/invitations': 'email=invited%40example.com',
};

/**
 * Issue 17, object-level authorization (OWASP API1): A creates one of everything; B, an ordinary
 * signed-in person, tries every id-taking route on A's ids and gets 404 (or 403), never A's data, and
 * A's resources are unchanged afterwards. The table is checked against the OpenAPI document.
 */
describe('object-level authorization sweep (BOLA) over every id-taking route', () => {
  let app: TestApp;
  let document: ApiDocument;
  let operations: ApiOperation[];
  let a: RegisteredUser;
  let b: RegisteredUser;
  let fx: Fixtures;
  const log = new AnswerLog();

  const as = (user: RegisteredUser) => ({ token: user.tokens.accessToken });

  async function subscribeToTopPlan(user: RegisteredUser) {
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      ...as(user),
      body: { planId: 'studio-pro', interval: 'month' },
    });
    expect(checkout.status).toBe(201);
    const paid = await fetch(`${app.url}/sandbox/checkout/${checkout.body.sessionId}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    await eventually(async () => {
      expect((await app.request('GET', '/v1/billing/subscription', as(user))).body.planId).toBe('studio-pro');
    }, SLOW_UNDER_LOAD);
  }

  async function created(method: string, path: string, user: RegisteredUser, body?: unknown): Promise<any> {
    const answer = await app.request(method, path, { ...as(user), body });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  beforeAll(async () => {
    app = await startShowrunner({ WRITE_RATE_LIMIT_PER_USER: '100000', WRITE_RATE_LIMIT_PER_IP: '100000' });
    document = await loadApiDocument(app);
    operations = operationsOf(document);
    [a, b] = await Promise.all([studioPerson(app), studioPerson(app)]);
    const c = await person(app);
    await Promise.all([subscribeToTopPlan(a), subscribeToTopPlan(b)]);

    const channelId = await createChannel(app, a, `${MARKER} channel`);
    const uploadId = await uploadClip(app, a, channelId);
    const video = await created('POST', `/v1/studio/channels/${channelId}/videos`, a, {
      title: `${MARKER} video`,
      uploadId: await uploadClip(app, a, channelId),
    });
    // Processing may bump the video's version meanwhile: a 409 is the documented "retry it".
    await eventually(() =>
      created('PUT', `/v1/studio/videos/${video.id}/captions/en`, a, {
        content: `WEBVTT\n\n00:00.000 --> 00:01.000\n${MARKER}\n`,
      }),
    );
    await created('PUT', `/v1/studio/channels/${channelId}/branding`, a, { tagline: `${MARKER} tagline` });
    const series = await created('POST', `/v1/studio/channels/${channelId}/series`, a, { title: `${MARKER} series` });
    const collection = await created('POST', `/v1/studio/channels/${channelId}/collections`, a, {
      name: `${MARKER} collection`,
    });
    const template = await created('POST', `/v1/studio/channels/${channelId}/templates`, a, {
      name: `${MARKER} template`,
    });
    const message = await created('POST', `/v1/users/${c.user.id}/messages`, a, {
      text: `${MARKER} message`,
      clientMessageId: randomUUID(),
    });
    const playlist = await created('POST', '/v1/me/playlists', a, {
      title: `${MARKER} playlist`,
      visibility: 'private',
    });
    const engagementVideoId = await publishedVideo(app, a, channelId);
    const ownComment = await comment(app, a, engagementVideoId, `${MARKER} comment`);
    const post = await created('POST', '/v1/me/posts', a, { text: `${MARKER} post` });
    await created('PUT', `/v1/me/progress/${engagementVideoId}`, a, { positionSeconds: 1 });
    const apiKey = await created('POST', '/v1/me/api-keys', a, { name: `${MARKER} key`, scopes: ['profile:read'] });
    const exported = await created('POST', '/v1/insights/exports', a, {
      ...(sampleOf(document, operations.find((op) => op.path === '/v1/insights/exports')!.jsonBody) as object),
      channelId,
    });
    await created('POST', `/v1/creators/${a.user.id}/follow`, c);
    const gift = await created('POST', '/v1/gifts', a, { planId: 'prime', period: 'month', message: `${MARKER} gift` });
    // A takedown of a video of A's of its own: the notice id is what A's counter-notice route takes.
    const disputed = await created('POST', `/v1/studio/channels/${channelId}/videos`, a, {
      title: `${MARKER} disputed`,
      uploadId: await uploadClip(app, a, channelId),
    });
    const dmcaNotice = await created('POST', '/v1/dmca/notices', a, {
      copyrightedWork: 'The film "Night Kitchen" (2024)',
      infringingMaterial: 'A full copy of the film',
      location: `https://showrunner.example/videos/${disputed.id}`,
      contact: { name: 'Rights Holder Ltd', email: 'legal@rights.example', address: '1 Main St', phone: '+1 555 0100' },
      goodFaithStatement: true,
      accuracyStatement: true,
      signature: 'Jane Counsel',
    });

    const first = async (path: string, user: RegisteredUser) =>
      eventually(async () => {
        const items = (await app.request('GET', path, as(user))).body.items as { id: string }[];
        expect(items.length).toBeGreaterThan(0);
        return items[0].id;
      }, SLOW_UNDER_LOAD);
    fx = {
      ownerId: a.user.id,
      channelId,
      uploadId,
      videoId: video.id,
      seriesId: series.id,
      collectionId: collection.id,
      templateId: template.id,
      conversationId: message.conversationId,
      messageId: message.id,
      memberId: c.user.id,
      notificationId: await first('/v1/notifications', a),
      playlistId: playlist.id,
      engagementVideoId,
      commentId: ownComment.id,
      postId: post.id,
      historyEntryId: await first('/v1/me/history', a),
      apiKeyId: apiKey.apiKey.id,
      invoiceId: await first('/v1/billing/invoices', a),
      exportId: exported.id,
      giftId: gift.giftId,
      dmcaNoticeId: dmcaNotice.id,
    };
  }, 120_000);
  afterAll(() => app.close());

  it('has an entry for every id-taking route of the document, and none for a route that is gone', () => {
    const documented = idTaking(operations).map(describeOperation);
    expect(documented.filter((route) => !TABLE[route])).toEqual([]);
    const all = new Set(operations.map(describeOperation));
    expect(Object.keys(TABLE).filter((route) => !all.has(route))).toEqual([]);
  });

  it('answers B with 404 or 403 and none of A’s data on every id-taking route, and leaves A’s objects as they were', async () => {
    const swept = idTaking(operations).filter((operation) => 'ids' in TABLE[describeOperation(operation)]);
    expect(swept.length).toBeGreaterThan(40);
    // Reads first, then writes, deletions last: a deletion that wrongly succeeded cannot hide a leak.
    const rank = (method: string) => ({ GET: 0, HEAD: 0, DELETE: 2 })[method] ?? 1;
    swept.sort((x, y) => rank(x.method) - rank(y.method));
    const leaks: string[] = [];
    for (const phase of [0, 1, 2])
      await inPool(
        swept.filter(({ method }) => rank(method) === phase),
        CONCURRENCY,
        async (operation) => {
          const route = describeOperation(operation);
          const { ids } = TABLE[route] as { ids: Record<string, keyof Fixtures | 'language'> };
          const path = concretePath(operation.path, (name) =>
            ids[name] === 'language' ? 'en' : ids[name] ? fx[ids[name]] : pathParamValue(name),
          );
          const body = ['POST', 'PUT', 'PATCH'].includes(operation.method)
            ? (BODIES[route]?.(fx) ?? sampleOf(document, operation.jsonBody) ?? {})
            : undefined;
          const headers: Record<string, string> = operation.path.startsWith('/v1/studio/uploads')
            ? { 'tus-resumable': '1.0.0' }
            : {};
          const query = QUERIES[route] ? `?${QUERIES[route]}` : '';
          const answer = await log.send(app, operation.method, `${path}${query}`, { ...as(b), body, headers });
          const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
          if (![403, 404].includes(answer.status) || text.includes(MARKER))
            leaks.push(`${route} → ${answer.status} ${text.slice(0, 160)}`);
        },
      );
    expect(leaks).toEqual([]);

    // A's objects are all still there, unchanged.
    const channel = await app.request('GET', `/v1/studio/channels/${fx.channelId}`, as(a));
    expect(channel.body.name).toBe(`${MARKER} channel`);
    const branding = await app.request('GET', `/v1/studio/channels/${fx.channelId}/branding`, as(a));
    expect(branding.body.tagline).toBe(`${MARKER} tagline`);
    expect((await app.request('GET', `/v1/studio/videos/${fx.videoId}`, as(a))).body.title).toBe(`${MARKER} video`);
    expect((await app.request('GET', `/v1/playlists/${fx.playlistId}`, as(a))).body.title).toBe(`${MARKER} playlist`);
    expect((await app.request('GET', `/v1/studio/series/${fx.seriesId}`, as(a))).status).toBe(200);
    expect(JSON.stringify((await app.request('GET', '/v1/me/api-keys', as(a))).body)).toContain(fx.apiKeyId);
    const [notice] = await sql<{ status: string }>(app, 'select status from trust_safety.dmca_notices where id = ?', [
      fx.dmcaNoticeId,
    ]);
    expect(notice.status).toBe('taken-down');
    const messages = await app.request('GET', `/v1/conversations/${fx.conversationId}/messages`, as(a));
    expect(JSON.stringify(messages.body)).toContain(`${MARKER} message`);
  });

  it('never answered with a 5xx', () => {
    expect(log.serverErrors()).toEqual([]);
  });
});
