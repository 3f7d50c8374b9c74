import { Global, Module, RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { AppConfig } from '@config';
import { WriteRateLimitGuard } from '@lib/platform';
import { startTestApp, type TestApp } from '@lib/platform/testing';
import { AccountStandings, type AccountStanding } from '@lib/trust-safety/contracts';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';
import { connectSocket, TEST_PASSWORD, type RegisteredUser } from '../../support/showrunner.js';

const PER_USER = 5;
const PER_IP = 8;

/** Trust & safety's port as that context will answer it: trust level 0 for the ids listed here. */
const lowTrust = new Set<string>();
class ListedStandings extends AccountStandings {
  standingOf(userId: string): Promise<AccountStanding> {
    return Promise.resolve({
      userId,
      trustLevel: lowTrust.has(userId) ? 0 : 2,
      mutedUntil: null,
      suspended: false,
      banned: false,
      limits: { maxMentions: 5, mayPostLinks: true, mayMessageNonFollowers: true },
    });
  }
}
@Global()
@Module({ providers: [{ provide: AccountStandings, useClass: ListedStandings }], exports: [AccountStandings] })
class TrustSafetyStandIn {}

describe('write budgets on every mutating route and socket event', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp(
      (config) => ({ module: class WithStandings {}, imports: [StandaloneModule.forRoot(config), TrustSafetyStandIn] }),
      {
        env: {
          WRITE_RATE_LIMIT_PER_USER: String(PER_USER),
          WRITE_RATE_LIMIT_PER_IP: String(PER_IP),
          WRITE_RATE_WINDOW_SECONDS: '60',
          // Each scenario calls from its own address (X-Forwarded-For), so budgets per IP stay apart.
          TRUST_PROXY: 'true',
        },
      },
    );
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  const from = (ip: string, user?: RegisteredUser) => ({
    headers: { 'x-forwarded-for': ip },
    ...(user ? { token: user.tokens.accessToken } : {}),
  });

  async function register(ip: string): Promise<RegisteredUser> {
    const tag = randomBytes(4).toString('hex');
    const body = {
      email: `u-${tag}@example.com`,
      handle: `u_${tag}`,
      displayName: `U ${tag}`,
      password: TEST_PASSWORD,
    };
    const answer = await app.request('POST', '/v1/auth/register', { body, ...from(ip) });
    expect(answer.status).toBe(201);
    return { ...answer.body, password: TEST_PASSWORD };
  }

  function expectOverBudget(answer: { status: number; headers: Headers; body: any }, limit: number) {
    expect(answer.status).toBe(429);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ code: 'http.rate-limit.exceeded', limit, windowSeconds: 60 });
    const retryAfter = Number(answer.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(answer.headers.get('ratelimit-limit')).toBe(String(limit));
    expect(answer.headers.get('ratelimit-remaining')).toBe('0');
    expect(answer.headers.get('ratelimit-policy')).toBe(`${limit};w=60`);
  }

  it('limits one user across routes of two contexts (identity, engagement); reads and other users go on', async () => {
    const ada = await register('198.51.100.1');
    const bob = await register('198.51.100.2');
    const remaining: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const answer = await app.request('PATCH', '/v1/me', {
        body: { displayName: `Ada ${i}` },
        ...from('198.51.100.1', ada),
      });
      expect(answer.status).toBe(200);
      remaining.push(answer.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['4', '3', '2']);
    expect(
      (await app.request('POST', `/v1/creators/${bob.user.id}/follow`, from('198.51.100.1', ada))).status,
    ).toBeLessThan(300);
    expect(
      (await app.request('DELETE', `/v1/creators/${bob.user.id}/follow`, from('198.51.100.1', ada))).status,
    ).toBeLessThan(300);

    expectOverBudget(
      await app.request('POST', `/v1/creators/${bob.user.id}/follow`, from('198.51.100.1', ada)),
      PER_USER,
    );
    expectOverBudget(
      await app.request('PATCH', '/v1/me', { body: { displayName: 'Ada' }, ...from('198.51.100.9', ada) }),
      PER_USER,
    );
    expect((await app.request('GET', '/v1/me', from('198.51.100.1', ada))).status).toBe(200);
    expect(
      (await app.request('PATCH', '/v1/me', { body: { displayName: 'Bob' }, ...from('198.51.100.2', bob) })).status,
    ).toBe(200);
  });

  it('limits one address, signed in or not', async () => {
    for (let i = 0; i < PER_IP; i += 1) {
      const answer = await app.request('POST', '/v1/auth/password-reset/request', {
        body: { email: `someone-${i}@example.com` },
        ...from('203.0.113.7'),
      });
      expect(answer.status).toBe(202);
    }
    const over = await app.request('POST', '/v1/auth/password-reset/request', {
      body: { email: 'someone-else@example.com' },
      ...from('203.0.113.7'),
    });
    expectOverBudget(over, PER_IP);
    const elsewhere = await app.request('POST', '/v1/auth/password-reset/request', {
      body: { email: 'someone-else@example.com' },
      ...from('203.0.113.8'),
    });
    expect(elsewhere.status).toBe(202);
  });

  it('spends the same budget on socket events, answered in the acknowledgement', async () => {
    const cleo = await register('198.51.100.3');
    const socket = await connectSocket(app, { token: cleo.tokens.accessToken });
    sockets.push(socket);
    const whoami = () => socket.timeout(5_000).emitWithAck('session:whoami', {});
    for (let i = 0; i < PER_USER; i += 1) expect(await whoami()).toMatchObject({ userId: cleo.user.id });
    expect(await whoami()).toMatchObject({ error: { status: 429, code: 'http.rate-limit.exceeded', limit: PER_USER } });
    expectOverBudget(
      await app.request('PATCH', '/v1/me', { body: { displayName: 'Cleo' }, ...from('198.51.100.3', cleo) }),
      PER_USER,
    );
  });

  it('gives accounts of low trust a quarter of the per-user budget', async () => {
    const dan = await register('198.51.100.4');
    lowTrust.add(dan.user.id);
    const quarter = Math.max(1, Math.floor(PER_USER / 4));
    for (let i = 0; i < quarter; i += 1)
      expect(
        (await app.request('PATCH', '/v1/me', { body: { displayName: `Dan ${i}` }, ...from('198.51.100.4', dan) }))
          .status,
      ).toBe(200);
    expectOverBudget(
      await app.request('PATCH', '/v1/me', { body: { displayName: 'Dan' }, ...from('198.51.100.4', dan) }),
      quarter,
    );
  });

  describe('coverage: no mutating route escapes', () => {
    it('documents a budget and a 429 on every mutating operation of the OpenAPI document', async () => {
      const document = (await app.request('GET', '/docs-json')).body;
      const writes = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
        ['post', 'put', 'patch', 'delete']
          .filter((method) => item[method])
          .map((method) => ({ path, method, operation: item[method] })),
      );
      expect(writes.length).toBeGreaterThan(40);
      const missing = writes.filter(
        ({ operation }) =>
          !(
            operation['x-rate-limit']?.perUser >= 1 &&
            operation['x-rate-limit']?.perIp >= 1 &&
            operation.responses['429']
          ),
      );
      expect(missing.map(({ method, path }) => `${method.toUpperCase()} ${path}`)).toEqual([]);
      expect(document.paths['/v1/me/api-keys'].post['x-rate-limit']).toMatchObject({
        perUser: 20,
        windowSeconds: 3_600,
      });
    });

    it('finds a budget for every mutating handler in the Nest route table, documented or not', () => {
      const reflector = app.app.get(Reflector);
      const config = app.app.get(AppConfig);
      const writes: string[] = [];
      for (const module of app.app.get(ModulesContainer).values()) {
        for (const wrapper of module.controllers.values()) {
          const controller = wrapper.metatype as Type;
          const prototype = controller.prototype as Record<string, unknown>;
          for (const name of Object.getOwnPropertyNames(prototype)) {
            const handler = prototype[name] as object;
            if (typeof handler !== 'function' || reflector.get(PATH_METADATA, handler) === undefined) continue;
            const method = reflector.get<RequestMethod>(METHOD_METADATA, handler);
            if ([RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS].includes(method)) continue;
            const budget = WriteRateLimitGuard.budgetOf(reflector, config, [handler as () => unknown, controller]);
            expect({ route: `${controller.name}.${name}`, ok: budget.perUser >= 1 && budget.perIp >= 1 }).toEqual({
              route: `${controller.name}.${name}`,
              ok: true,
            });
            writes.push(`${controller.name}.${name}`);
          }
        }
      }
      expect(writes.length).toBeGreaterThan(40);
    });
  });
});
