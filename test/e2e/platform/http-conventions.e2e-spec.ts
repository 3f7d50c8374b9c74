import type { TestApp } from '@lib/platform/testing';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

describe('HTTP conventions every route follows', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://app.example.com' });
  });
  afterAll(() => app.close());

  it('answers malformed JSON with a 400 problem document and a stable code', async () => {
    const answer = await app.request('POST', '/v1/auth/login', { rawBody: '{"email": "a@b.co", "password": ' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({
      status: 400,
      code: 'http.malformed-json',
      type: 'about:blank',
      instance: '/v1/auth/login',
    });
    expect(answer.body.requestId).toEqual(answer.headers.get('x-request-id'));
  });

  it('names each unknown field and refuses it (no mass assignment)', async () => {
    const answer = await app.request('POST', '/v1/auth/register', {
      body: {
        email: 'x@example.com',
        password: 'long enough password',
        handle: 'someone',
        displayName: 'Someone',
        roles: ['admin'],
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation.failed');
    expect(answer.body.errors).toEqual([{ field: 'roles', messages: ['property roles should not exist'] }]);
  });

  it('names each missing field', async () => {
    const answer = await app.request('POST', '/v1/auth/register', { body: { email: 'x@example.com' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'displayName',
      'handle',
      'password',
    ]);
  });

  it('answers an oversized body with 413 before parsing it', async () => {
    const answer = await app.request('POST', '/v1/auth/login', {
      body: { email: 'a@b.co', password: 'x'.repeat(4_000) },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('http.payload-too-large');
  });

  it('answers an unsupported content type with 415', async () => {
    const answer = await app.request('POST', '/v1/auth/login', {
      rawBody: 'email=a',
      headers: { 'content-type': 'application/x-unknown' },
    });
    expect(answer.status).toBe(415);
    expect(answer.body.code).toBe('http.unsupported-media-type');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const answer = await app.request('GET', '/v1/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('http.not-found');
  });

  it('keeps a sane caller-supplied request id and makes one up otherwise', async () => {
    const given = await app.request('GET', '/health/live', { headers: { 'x-request-id': 'trace-abc_123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-abc_123');
    const hostile = await app.request('GET', '/health/live', {
      headers: { 'x-request-id': 'bad id\u00e9'.repeat(20) },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers and only allows configured origins', async () => {
    const allowed = await app.request('GET', '/health/live', { headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(allowed.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(allowed.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    // HTML pages get the full page policy instead.
    const docs = await app.request('GET', '/docs');
    expect(docs.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(docs.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    const foreign = await app.request('GET', '/health/live', { headers: { origin: 'https://evil.example.net' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('writes CORS headers only for an allowed Origin, answers its preflight at once and varies by Origin', async () => {
    const plain = await app.request('GET', '/health/live');
    expect([...plain.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(plain.headers.get('vary')).toBe('Origin');
    const allowed = await app.request('GET', '/health/live', { headers: { origin: 'https://app.example.com' } });
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    const preflight = await app.request('OPTIONS', '/v1/me', {
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-max-age')).toBe('7200');
    expect(preflight.headers.get('x-request-id')).toBeTruthy();
    const foreign = await app.request('OPTIONS', '/v1/me', {
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'PATCH' },
    });
    expect(foreign.status).toBe(204);
    expect(foreign.headers.get('access-control-allow-methods')).toBeNull();
    // The same route without a preflight's header is routed as usual (no route answers OPTIONS).
    const notPreflight = await app.request('OPTIONS', '/v1/me', { headers: { origin: 'https://app.example.com' } });
    expect(notPreflight.status).toBe(404);
  });

  it('reports liveness and readiness of PostgreSQL, Redis and search', async () => {
    expect((await app.request('GET', '/health/live')).body).toEqual({ status: 'ok' });
    const ready = await app.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    for (const check of ['postgres', 'redis', 'search']) expect(ready.body.checks[check].status).toBe('up');
  });

  it('exposes Prometheus metrics, including request durations, queue depths and relay lag', async () => {
    await app.request('GET', '/health/live');
    const answer = await app.request('GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('http_request_duration_seconds_bucket{');
    expect(answer.body).toContain('route="/health/live"');
    expect(answer.body).toMatch(/queue_jobs\{queue="identity\.project-people",state="waiting"\}/);
    expect(answer.body).toMatch(/^outbox_unpublished_events \d+$/m);
  });

  it('documents every route in OpenAPI, including problem answers', async () => {
    const answer = await app.request('GET', '/docs-json');
    expect(answer.status).toBe(200);
    const paths = Object.keys(answer.body.paths);
    for (const route of [
      '/v1/auth/register',
      '/v1/auth/login',
      '/v1/auth/refresh',
      '/v1/auth/logout',
      '/v1/me',
      '/v1/me/api-keys',
      '/v1/me/api-keys/{id}',
      '/v1/search/people',
      '/v1/admin/users',
      '/v1/admin/users/{id}/roles',
      '/health/live',
      '/health/ready',
      '/metrics',
      '/v1/billing/plans',
      '/v1/billing/checkout',
      '/v1/billing/portal',
      '/v1/billing/subscription',
      '/v1/billing/subscription/change',
      '/v1/billing/subscription/cancel',
      '/v1/billing/subscription/pause',
      '/v1/billing/subscription/resume',
      '/v1/billing/invoices',
      '/v1/billing/invoices/{id}',
      '/v1/billing/payments',
      '/v1/billing/webhooks/stripe',
      '/v1/admin/billing/refunds',
      '/v1/admin/billing/payments',
      '/v1/admin/billing/webhooks',
      '/v1/admin/billing/webhooks/{id}/replay',
      '/v1/admin/billing/metrics',
      '/v1/admin/billing/plans',
      '/v1/admin/billing/plans/{id}/archive',
      '/v1/admin/billing/plans/{id}/unarchive',
      '/sandbox/checkout/{id}',
      '/v1/creators/{userId}/follow',
      '/v1/users/{userId}/followers',
      '/v1/users/{userId}/following',
      '/v1/users/{userId}/block',
      '/v1/users/{userId}/mute',
      '/v1/me/blocks',
      '/v1/me/mutes',
      '/v1/notifications',
      '/v1/notifications/{id}/read',
      '/v1/notifications/read-all',
      '/v1/notifications/preferences',
      '/v1/conversations',
      '/v1/conversations/{id}',
      '/v1/conversations/{id}/messages',
      '/v1/users/{userId}/messages',
      '/v1/conversations/{id}/messages/{messageId}',
      '/v1/conversations/{id}/messages/{messageId}/edits',
      '/v1/conversations/{id}/read',
      '/v1/conversations/{id}/members',
      '/v1/conversations/{id}/members/{userId}',
      '/v1/conversations/{id}/members/{userId}/role',
      '/v1/conversations/{id}/leave',
      '/v1/conversations/{id}/accept',
      '/v1/conversations/{id}/decline',
      '/v1/me/messaging-settings',
      '/v1/videos/{id}/comments',
      '/v1/comments/{id}/replies',
      '/v1/comments/{id}',
      '/v1/comments/{id}/history',
      '/v1/comments/{id}/approve',
      '/v1/videos/{id}/pinned-comment',
      '/v1/videos/{id}/comment-settings',
      '/v1/hashtags/{tag}/comments',
      '/v1/studio/channels',
      '/v1/studio/channels/{channelId}',
      '/v1/studio/channels/{channelId}/members',
      '/v1/studio/channels/{channelId}/members/{userId}',
      '/v1/studio/channels/{channelId}/invitation/accept',
      '/v1/studio/channels/{channelId}/invitation/decline',
      '/v1/studio/channels/{channelId}/ownership',
      '/v1/studio/channels/{channelId}/videos',
      '/v1/studio/channels/{channelId}/library',
      '/v1/studio/videos',
      '/v1/studio/videos/publish',
      '/v1/studio/videos/unpublish',
      '/v1/studio/videos/apply-template',
      '/v1/studio/videos/{videoId}',
      '/v1/studio/videos/{videoId}/retry',
      '/v1/studio/videos/{videoId}/publish',
      '/v1/studio/videos/{videoId}/unpublish',
      '/v1/studio/videos/{videoId}/captions/{language}',
      '/v1/studio/channels/{channelId}/series',
      '/v1/studio/series/{seriesId}',
      '/v1/studio/channels/{channelId}/collections',
      '/v1/studio/collections/{collectionId}',
      '/v1/studio/channels/{channelId}/templates',
      '/v1/studio/templates/{templateId}',
      '/v1/catalog',
      '/v1/catalog/suggest',
      '/v1/catalog/videos/{videoId}',
      '/v1/catalog/videos/{videoId}/playback',
      '/v1/catalog/videos/{videoId}/captions/{file}',
      '/v1/studio/uploads',
      '/v1/studio/uploads/check',
      '/v1/studio/uploads/{id}',
      '/v1/media/{assetId}/{path}',
      '/v1/events',
      '/v1/insights/channels/{id}/overview',
      '/v1/insights/videos/{id}',
      '/v1/insights/channels/{id}/weekly-report',
      '/v1/insights/exports',
      '/v1/insights/exports/{id}',
      '/v1/admin/insights/overview',
      '/v1/reports',
      '/v1/admin/moderation/queue',
      '/v1/admin/moderation/queue/{id}',
      '/v1/admin/moderation/queue/{id}/claim',
      '/v1/admin/moderation/queue/{id}/release',
      '/v1/admin/moderation/queue/{id}/actions',
      '/v1/admin/moderation/queue/actions',
      '/v1/admin/audit-log',
    ]) {
      expect(paths).toContain(route);
    }
    expect(
      answer.body.paths['/v1/auth/register'].post.responses['409'].content['application/problem+json'],
    ).toBeDefined();
    expect((await app.request('GET', '/docs')).status).toBe(200);
  });

  it('requires authentication by default and says so with WWW-Authenticate', async () => {
    const answer = await app.request('GET', '/v1/me');
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('auth.unauthenticated');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses a member on an admin route with 403', async () => {
    const member = await registerUser(app);
    const answer = await app.request('GET', '/v1/admin/users', { token: member.tokens.accessToken });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'auth.role-required', requiredRoles: ['admin'] });
  });
});
