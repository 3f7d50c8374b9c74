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
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, studioPerson, uploadClip } from '../studio/studio-helpers.js';

const CONCURRENCY = 8;
/** Webhooks, outbox and notifications settle in well under a second alone; CI runs three files at once. */
const SLOW_UNDER_LOAD = { timeoutMs: 30_000, intervalMs: 100 };
/** Written into every name and text A creates: it must never appear in an answer to B. */
const MARKER = `bola-secret-${randomUUID().slice(0, 8)}`;

/** A's resources, by the fixture names the table below uses. */
interface Fixtures {
  ownerId: string;
  channelId: string;
  uploadId: string;
  videoId: string;
  seriesId: string;
  collectionId: string;
  templateId: string;
  conversationId: string;
  messageId: string;
  memberId: string;
  notificationId: string;
  playlistId: string;
  engagementVideoId: string;
  commentId: string;
  postId: string;
  historyEntryId: string;
  apiKeyId: string;
  invoiceId: string;
  exportId: string;
  giftId: string;
  dmcaNoticeId: string;
}

/** How B's request on an id-taking route is built from A's fixtures, or why the route is not B's to try. */
type Entry = { ids: Record<string, keyof Fixtures | 'language'> } | { exempt: string };

const OWN_RELATION = 'the id names a public object; the caller acts on their own relation to it';
const PUBLIC_LISTING = 'a listing anyone signed in may read (public content, filtered by blocks)';

/**
 * Every id-taking route that is neither public nor role-gated. A new one fails the coverage test until
 * it gets an entry: fixture ids to try as another person, or the reason it names no one's object.
 */
const TABLE: Record<string, Entry> = {
  'DELETE /v1/me/api-keys/{id}': { ids: { id: 'apiKeyId' } },
  'GET /v1/billing/invoices/{id}': { ids: { id: 'invoiceId' } },
  'POST /v1/creators/{userId}/follow': { exempt: OWN_RELATION },
  'DELETE /v1/creators/{userId}/follow': { exempt: OWN_RELATION },
  'GET /v1/users/{userId}/followers': { exempt: PUBLIC_LISTING },
  'GET /v1/users/{userId}/following': { exempt: PUBLIC_LISTING },
  'POST /v1/users/{userId}/block': { exempt: OWN_RELATION },
  'DELETE /v1/users/{userId}/block': { exempt: OWN_RELATION },
  'POST /v1/users/{userId}/mute': { exempt: OWN_RELATION },
  'DELETE /v1/users/{userId}/mute': { exempt: OWN_RELATION },
  'POST /v1/notifications/{id}/read': { ids: { id: 'notificationId' } },
  'GET /v1/conversations/{id}': { ids: { id: 'conversationId' } },
  'PATCH /v1/conversations/{id}': { ids: { id: 'conversationId' } },
  'GET /v1/conversations/{id}/messages': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/messages': { ids: { id: 'conversationId' } },
  'POST /v1/users/{userId}/messages': { exempt: 'starts or continues the caller’s own conversation with that person' },
  'PATCH /v1/conversations/{id}/messages/{messageId}': { ids: { id: 'conversationId', messageId: 'messageId' } },
  'DELETE /v1/conversations/{id}/messages/{messageId}': { ids: { id: 'conversationId', messageId: 'messageId' } },
  'GET /v1/conversations/{id}/messages/{messageId}/edits': { ids: { id: 'conversationId', messageId: 'messageId' } },
  'POST /v1/conversations/{id}/read': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/members': { ids: { id: 'conversationId' } },
  'DELETE /v1/conversations/{id}/members/{userId}': { ids: { id: 'conversationId', userId: 'memberId' } },
  'PUT /v1/conversations/{id}/members/{userId}/role': { ids: { id: 'conversationId', userId: 'memberId' } },
  'POST /v1/conversations/{id}/leave': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/accept': { ids: { id: 'conversationId' } },
  'POST /v1/conversations/{id}/decline': { ids: { id: 'conversationId' } },
  'PUT /v1/videos/{videoId}/like': { exempt: OWN_RELATION },
  'DELETE /v1/videos/{videoId}/like': { exempt: OWN_RELATION },
  'PUT /v1/videos/{videoId}/rating': { exempt: OWN_RELATION },
  'DELETE /v1/videos/{videoId}/rating': { exempt: OWN_RELATION },
  'GET /v1/videos/{videoId}/rating': { exempt: OWN_RELATION },
  'PUT /v1/me/progress/{videoId}': { exempt: OWN_RELATION },
  'PUT /v1/recommendations/feedback/{videoId}': { exempt: OWN_RELATION },
  'DELETE /v1/recommendations/feedback/{videoId}': { exempt: OWN_RELATION },
  'DELETE /v1/me/history/{entryId}': { ids: { entryId: 'historyEntryId' } },
  'GET /v1/playlists/{id}': { ids: { id: 'playlistId' } },
  'PATCH /v1/playlists/{id}': { ids: { id: 'playlistId' } },
  'DELETE /v1/playlists/{id}': { ids: { id: 'playlistId' } },
  'PUT /v1/playlists/{id}/items/{videoId}': { ids: { id: 'playlistId', videoId: 'engagementVideoId' } },
  'DELETE /v1/playlists/{id}/items/{videoId}': { ids: { id: 'playlistId', videoId: 'engagementVideoId' } },
  'PATCH /v1/playlists/{id}/items': { ids: { id: 'playlistId' } },
  'GET /v1/videos/{id}/comments': { exempt: PUBLIC_LISTING },
  'POST /v1/videos/{id}/comments': { exempt: OWN_RELATION },
  'POST /v1/comments/{id}/replies': { exempt: OWN_RELATION },
  'GET /v1/comments/{id}/replies': { exempt: PUBLIC_LISTING },
  'PATCH /v1/comments/{id}': { ids: { id: 'commentId' } },
  'DELETE /v1/comments/{id}': { ids: { id: 'commentId' } },
  'GET /v1/comments/{id}/history': { exempt: 'a published comment’s edit history is public with the comment' },
  'POST /v1/comments/{id}/approve': { ids: { id: 'commentId' } },
  'PUT /v1/videos/{id}/pinned-comment': { ids: { id: 'engagementVideoId' } },
  'DELETE /v1/videos/{id}/pinned-comment': { ids: { id: 'engagementVideoId' } },
  'PUT /v1/videos/{id}/comment-settings': { ids: { id: 'engagementVideoId' } },
  'GET /v1/hashtags/{tag}/comments': { exempt: PUBLIC_LISTING },
  'DELETE /v1/me/posts/{id}': { ids: { id: 'postId' } },
  'GET /v1/creators/{id}/posts': { exempt: PUBLIC_LISTING },
  'PUT /v1/comments/{id}/like': { exempt: OWN_RELATION },
  'DELETE /v1/comments/{id}/like': { exempt: OWN_RELATION },
  'GET /v1/studio/channels/{channelId}': { ids: { channelId: 'channelId' } },
  'PATCH /v1/studio/channels/{channelId}': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/members': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/channels/{channelId}/invitations': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/invitation/accept': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/invitation/decline': { ids: { channelId: 'channelId' } },
  'PATCH /v1/studio/channels/{channelId}/members/{userId}': { ids: { channelId: 'channelId', userId: 'ownerId' } },
  'DELETE /v1/studio/channels/{channelId}/members/{userId}': { ids: { channelId: 'channelId', userId: 'ownerId' } },
  'POST /v1/studio/channels/{channelId}/ownership': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/branding': { ids: { channelId: 'channelId' } },
  'PUT /v1/studio/channels/{channelId}/branding': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/channels/{channelId}/branding': { ids: { channelId: 'channelId' } },
  'PUT /v1/studio/channels/{channelId}/branding/{image}': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/channels/{channelId}/branding/{image}': { ids: { channelId: 'channelId' } },
  'POST /v1/studio/channels/{channelId}/videos': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/library': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/videos/{videoId}': { ids: { videoId: 'videoId' } },
  'PATCH /v1/studio/videos/{videoId}': { ids: { videoId: 'videoId' } },
  'DELETE /v1/studio/videos/{videoId}': { ids: { videoId: 'videoId' } },
  'POST /v1/studio/videos/{videoId}/retry': { ids: { videoId: 'videoId' } },
  'POST /v1/studio/videos/{videoId}/publish': { ids: { videoId: 'videoId' } },
  'POST /v1/studio/videos/{videoId}/unpublish': { ids: { videoId: 'videoId' } },
  'PUT /v1/studio/videos/{videoId}/captions/{language}': { ids: { videoId: 'videoId', language: 'language' } },
  'DELETE /v1/studio/videos/{videoId}/captions/{language}': { ids: { videoId: 'videoId', language: 'language' } },
  'POST /v1/studio/channels/{channelId}/series': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/series': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/series/{seriesId}': { ids: { seriesId: 'seriesId' } },
  'POST /v1/studio/channels/{channelId}/collections': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/collections': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/collections/{collectionId}': { ids: { collectionId: 'collectionId' } },
  'POST /v1/studio/channels/{channelId}/templates': { ids: { channelId: 'channelId' } },
  'GET /v1/studio/channels/{channelId}/templates': { ids: { channelId: 'channelId' } },
  'DELETE /v1/studio/templates/{templateId}': { ids: { templateId: 'templateId' } },
  'GET /v1/catalog/videos/{videoId}/playback': {
    exempt: 'plays a published video for any viewer its access level admits (entitlements, not ownership)',
  },
  'HEAD /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'GET /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'PATCH /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'DELETE /v1/studio/uploads/{id}': { ids: { id: 'uploadId' } },
  'POST /v1/dmca/notices/{id}/counter-notice': { ids: { id: 'dmcaNoticeId' } },
  'GET /v1/insights/channels/{id}/overview': { ids: { id: 'channelId' } },
  'GET /v1/insights/videos/{id}': { ids: { id: 'videoId' } },
  'PUT /v1/insights/channels/{id}/weekly-report': { ids: { id: 'channelId' } },
  'GET /v1/insights/exports/{id}': { ids: { id: 'exportId' } },
  'POST /v1/gifts/{id}/refund': { ids: { id: 'giftId' } },
  'POST /v1/gifts/{code}/redeem': {
    exempt: 'the code is the bearer credential: whoever holds it may redeem it (gifts e2e: twice, expired, the buyer)',
  },
};

/** Routes BOLA is about: a path id, and an access rule that lets any signed-in person call them. */
const idTaking = (operations: ApiOperation[]) =>
  operations.filter(({ pathParams, access }) => pathParams.length && access.audience === 'authenticated');

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
