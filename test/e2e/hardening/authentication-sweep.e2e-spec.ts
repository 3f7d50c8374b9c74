import type { Socket } from 'socket.io-client';
import type { HttpAnswer, TestApp } from '@lib/platform/testing';
import {
  AnswerLog,
  concretePath,
  describeOperation,
  fastifyRoutes,
  hostileTokens,
  inPool,
  loadApiDocument,
  operationsOf,
  sessionIdOf,
  type ApiOperation,
} from '../../support/api-sweep.js';
import { ADMIN, logInAdmin, moderator } from '../../support/moderation.js';
import { connectSocket, registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { withApiAccess } from '../../support/billing.js';

const CONCURRENCY = 8;
/** Routes Fastify serves outside the OpenAPI document, each guarded on its own (and swept below where it matters). */
const UNDOCUMENTED_MOUNTS = [/^\/docs(\/|-json$|-yaml$|-asyncapi\.json$|$)/, /^\/admin\/queues(\/|$)/];
const BULL_BOARD = /^\/admin\/queues(\/|$)/;

const isProblem = (answer: HttpAnswer, method: string) =>
  method === 'HEAD' || String(answer.headers.get('content-type')).startsWith('application/problem+json');

/**
 * Issue 17, authentication sweep: every operation of the OpenAPI document (and every route Fastify
 * serves outside it) refuses callers its `x-access` rule excludes, with 401/403 problem+json and never
 * a 2xx or a 5xx. Cases are derived from the document, so a new route is swept the day it is added.
 */
describe('authentication sweep over every documented route', () => {
  let app: TestApp;
  let operations: ApiOperation[];
  let adminToken: string;
  let member: RegisteredUser;
  let mod: RegisteredUser;
  const log = new AnswerLog();
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startShowrunner({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // The sweep sends hundreds of writes from one address; budgets are tested in write-rate-limits.
      WRITE_RATE_LIMIT_PER_USER: '100000',
      WRITE_RATE_LIMIT_PER_IP: '100000',
    });
    operations = operationsOf(await loadApiDocument(app));
    adminToken = await logInAdmin(app);
    // API access is a Studio Pro feature: the member's keys must work for the scope sweep.
    member = await withApiAccess(app, await registerUser(app));
    mod = await moderator(app, adminToken);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  /** Sends each route once as `token` would, recording every answer for the 5xx check. */
  const sweep = (routes: ApiOperation[], token?: string) =>
    inPool(routes, CONCURRENCY, async (operation) => ({
      operation,
      answer: await log.send(app, operation.method, concretePath(operation.path), {
        ...(token ? { token } : {}),
        ...(['POST', 'PUT', 'PATCH'].includes(operation.method) ? { body: {} } : {}),
      }),
    }));

  /** Lines for every answer that is not `status` problem+json with one of `codes`: [] when all hold. */
  const offending = (results: Awaited<ReturnType<typeof sweep>>, status: number, codes: string[]) =>
    results
      .filter(
        ({ operation, answer }) =>
          answer.status !== status ||
          !isProblem(answer, operation.method) ||
          (operation.method !== 'HEAD' && !codes.includes(answer.body?.code)),
      )
      .map(({ operation, answer }) => `${describeOperation(operation)} → ${answer.status} ${answer.body?.code ?? ''}`);

  it('reads an access rule for every documented operation, and every served route is documented', () => {
    expect(operations.length).toBeGreaterThan(100);
    for (const { access } of operations) {
      expect(['public', 'authenticated', 'roles']).toContain(access.audience);
      if (access.audience === 'roles') expect(access.roles?.length).toBeGreaterThan(0);
    }
    // Routes mounted straight on Fastify bypass Nest's guards and the document: each must be named here.
    // Fastify's route tree prints merged parameter names (`:id|:userId`) and wildcards loosely, so each
    // served route is matched as a pattern against the documented paths.
    const documented = operations.map(({ method, path }) => `${method} ${path.replace(/\{[^}]+\}/g, 'x')}`);
    const undocumented = fastifyRoutes(app)
      .filter(({ method }) => method !== 'HEAD')
      .filter(({ path }) => !UNDOCUMENTED_MOUNTS.some((mount) => mount.test(path)))
      .map(({ method, path }) => `${method} ${path}`)
      .filter((route) => {
        const pattern = route
          .replace(/[.+?^${}()[\]\\]/g, '\\$&')
          .replace(/:[\w|:]+/g, '[^/]+')
          .replace(/\*/g, '.*');
        return !documented.some((served) => new RegExp(`^${pattern}$`).test(served));
      });
    expect(undocumented).toEqual([]);
  });

  it('answers 401 problem+json to an anonymous caller on every route that is not public', async () => {
    const guarded = operations.filter(({ access }) => access.audience !== 'public');
    expect(guarded.length).toBeGreaterThan(100);
    expect(offending(await sweep(guarded), 401, ['auth.unauthenticated'])).toEqual([]);
  });

  it('answers 403 to a member on every moderator and admin route, and to a moderator on every admin-only route', async () => {
    const roleRoutes = operations.filter(({ access }) => access.audience === 'roles');
    expect(roleRoutes.length).toBeGreaterThan(10);
    expect(offending(await sweep(roleRoutes, member.tokens.accessToken), 403, ['auth.role-required'])).toEqual([]);

    const adminOnly = roleRoutes.filter(({ access }) => !access.roles?.includes('moderator'));
    expect(adminOnly.length).toBeGreaterThan(5);
    expect(offending(await sweep(adminOnly, mod.tokens.accessToken), 403, ['auth.role-required'])).toEqual([]);
  });

  it('refuses forged, expired, alg:none, wrong-secret and tampered tokens with 401 on every route', async () => {
    const routes = operations;
    const tokens = hostileTokens({
      userId: member.user.id,
      sessionId: sessionIdOf(member.tokens.accessToken),
      accessToken: member.tokens.accessToken,
    });
    // The genuine token these were made from still works: each refusal is the defect's doing.
    expect((await app.request('GET', '/v1/me', { token: member.tokens.accessToken })).status).toBe(200);
    const failures: Record<string, string[]> = {};
    for (const [name, token] of Object.entries(tokens)) {
      const expected = name === 'expired' ? 'auth.token-expired' : 'auth.token-invalid';
      const wrong = offending(await sweep(routes, token), 401, [expected]);
      if (wrong.length) failures[name] = wrong;
    }
    expect(failures).toEqual({});
  });

  it('refuses a logged-out session’s access token with 401 on every route', async () => {
    const user = await registerUser(app);
    expect((await app.request('POST', '/v1/auth/logout', { token: user.tokens.accessToken })).status).toBe(204);
    const results = await sweep(operations, user.tokens.accessToken);
    expect(offending(results, 401, ['auth.session-revoked'])).toEqual([]);
  });

  it('refuses an API key on every route whose scope it lacks, and on every route no scope opens', async () => {
    const createKey = async (scopes: string[]) => {
      const created = await app.request('POST', '/v1/me/api-keys', {
        token: member.tokens.accessToken,
        body: { name: `sweep ${scopes.join(' ')}`, scopes },
      });
      expect(created.status).toBe(201);
      return created.body.key as string;
    };
    const scopes = [...new Set(operations.map(({ access }) => access.apiKeyScope).filter(Boolean))] as string[];
    expect(scopes.length).toBeGreaterThan(1);
    // One key per scope, holding every scope but that one.
    const lacking = new Map<string, string>();
    for (const scope of scopes) lacking.set(scope, await createKey(scopes.filter((other) => other !== scope)));
    const anyKey = lacking.get(scopes[0])!;
    // A key holding the scope opens its route (so each refusal below is the missing scope's doing).
    const reader = await createKey(['profile:read']);
    expect((await app.request('GET', '/v1/me', { token: reader })).status).toBe(200);

    const failures: string[] = [];
    await inPool(operations, CONCURRENCY, async (operation) => {
      const key = operation.access.apiKeyScope ? lacking.get(operation.access.apiKeyScope)! : anyKey;
      const answer = await log.send(app, operation.method, concretePath(operation.path), {
        token: key,
        ...(['POST', 'PUT', 'PATCH'].includes(operation.method) ? { body: {} } : {}),
      });
      const codes = ['auth.api-key-scope', 'auth.role-required'];
      if (answer.status !== 403 || (operation.method !== 'HEAD' && !codes.includes(answer.body?.code)))
        failures.push(`${describeOperation(operation)} → ${answer.status} ${answer.body?.code ?? ''}`);
    });
    expect(failures).toEqual([]);
  });

  it('guards every route of the queue dashboard (mounted outside Nest): anonymous 401, member 403, API keys 403', async () => {
    // A printed wildcard stands for the board's static files, under the same hook; its path is not a URL.
    const board = fastifyRoutes(app).filter(
      ({ method, path }) => method !== 'HEAD' && BULL_BOARD.test(path) && !path.includes('*'),
    );
    expect(board.length).toBeGreaterThan(10);
    const adminKey = (
      await app.request('POST', '/v1/me/api-keys', {
        token: adminToken,
        body: { name: 'admin search key', scopes: ['search:read'] },
      })
    ).body.key as string;
    const tampered = hostileTokens({
      userId: member.user.id,
      sessionId: sessionIdOf(member.tokens.accessToken),
      accessToken: member.tokens.accessToken,
    })['tampered claims'];
    const callers: [string, string | undefined, number][] = [
      ['anonymous', undefined, 401],
      ['a member', member.tokens.accessToken, 403],
      ['a tampered token', tampered, 401],
      // An admin's API key is scoped to the API; it never opens the dashboard that can empty queues.
      ['an admin’s API key', adminKey, 403],
    ];
    const failures: string[] = [];
    for (const [who, token, status] of callers)
      await inPool(board, CONCURRENCY, async ({ method, path }) => {
        const answer = await log.send(app, method, concretePath(path), {
          ...(token ? { token } : {}),
          ...(['POST', 'PUT', 'PATCH'].includes(method) ? { body: {} } : {}),
        });
        if (answer.status !== status) failures.push(`${who}: ${method} ${path} → ${answer.status}`);
      });
    expect(failures).toEqual([]);
    // The admin's own access token opens it.
    expect((await log.send(app, 'GET', '/admin/queues/api/queues', { token: adminToken })).status).toBe(200);
  });

  it('refuses every hostile credential at the Socket.IO handshake', async () => {
    const tokens = hostileTokens({
      userId: member.user.id,
      sessionId: sessionIdOf(member.tokens.accessToken),
      accessToken: member.tokens.accessToken,
    });
    const revoked = await registerUser(app);
    await app.request('POST', '/v1/auth/logout', { token: revoked.tokens.accessToken });
    const key = (
      await app.request('POST', '/v1/me/api-keys', {
        token: adminToken,
        body: { name: 'admin socket key', scopes: ['profile:read', 'profile:write', 'search:read'] },
      })
    ).body.key as string;
    const cases: [string, { token?: string }, string][] = [
      ['no token', {}, 'auth.unauthenticated'],
      ...Object.entries(tokens).map(
        ([name, token]) =>
          [name, { token }, name === 'expired' ? 'auth.token-expired' : 'auth.token-invalid'] as [
            string,
            { token: string },
            string,
          ],
      ),
      ['a revoked session', { token: revoked.tokens.accessToken }, 'auth.session-revoked'],
      ['an admin’s API key with every scope', { token: key }, 'auth.api-key.socket-refused'],
    ];
    const outcomes = await inPool(cases, CONCURRENCY, async ([name, auth, code]) => {
      const outcome = await connectSocket(app, auth).then(
        (socket) => {
          sockets.push(socket);
          return 'connected';
        },
        (error: { data?: { code?: string } }) => error.data?.code,
      );
      return outcome === code ? undefined : `${name}: ${outcome} (expected ${code})`;
    });
    expect(outcomes.filter(Boolean)).toEqual([]);
    // The member's genuine token connects, so the refusals above are the credentials' doing.
    const socket = await connectSocket(app, { token: member.tokens.accessToken });
    sockets.push(socket);
    expect(await socket.emitWithAck('session:whoami')).toMatchObject({ userId: member.user.id });
  });

  it('answers a member on every documented socket event without a 5xx, and refuses the role-gated ones with 403', async () => {
    const asyncApi = (await app.request('GET', '/docs-asyncapi.json')).body;
    const events = Object.values<any>(asyncApi.operations)
      .filter((operation) => operation.action === 'receive')
      .map((operation) => ({
        event: String(operation.channel.$ref).split('/').pop()!,
        // An event gated on a role says so in its documented error codes (`…-only`).
        roleGated: (operation['x-error-codes'] as string[]).some((code) => /-only$/.test(code)),
      }));
    expect(events.filter(({ roleGated }) => roleGated).length).toBeGreaterThan(0);
    const socket = await connectSocket(app, { token: member.tokens.accessToken });
    sockets.push(socket);
    const wrong = await inPool(events, CONCURRENCY, async ({ event, roleGated }) => {
      const answer = await socket.timeout(10_000).emitWithAck(event, {});
      const status = answer?.error?.status as number | undefined;
      if ((status ?? 200) >= 500 || (roleGated && status !== 403)) return `${event} → ${JSON.stringify(answer)}`;
      return undefined;
    });
    expect(wrong.filter(Boolean)).toEqual([]);
  });

  it('never answered with a 5xx anywhere in the sweep', () => {
    expect(log.count).toBeGreaterThan(500);
    expect(log.serverErrors()).toEqual([]);
  });
});
