import { randomUUID } from 'node:crypto';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { routeFactsByOperation } from '@lib/platform';
import { eventually, type TestApp } from '@lib/platform/testing';
import {
  AnswerLog,
  collectProperties,
  concretePath,
  declaredProperties,
  describeOperation,
  inPool,
  loadApiDocument,
  operationsOf,
  resolve,
  sampleOf,
  type ApiDocument,
  type ApiOperation,
} from '../../support/api-sweep.js';
import { ADMIN, logInAdmin } from '../../support/moderation.js';
import { connectSocket, startShowrunner } from '../../support/showrunner.js';

const CONCURRENCY = 8;
/** Webhooks, outbox and notifications settle in well under a second alone; CI runs three files at once. */
const SLOW_UNDER_LOAD = { timeoutMs: 30_000, intervalMs: 100 };

/** Fields the server owns on some resource; a body that does not declare one must refuse it. */
const SERVER_OWNED: Record<string, unknown> = {
  id: randomUUID(),
  ownerId: randomUUID(),
  userId: randomUUID(),
  authorId: randomUUID(),
  creatorId: randomUUID(),
  roles: ['admin'],
  role: 'admin',
  isAdmin: true,
  scopes: ['profile:read', 'profile:write', 'search:read'],
  status: 'active',
  state: 'published',
  verified: true,
  emailVerified: true,
  trustLevel: 4,
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  deletedAt: null,
  publishedAt: '2000-01-01T00:00:00.000Z',
  version: 99,
  price: 0,
  priceCents: 0,
  amount: 0,
  amountCents: 0,
  likeCount: 1_000_000,
  viewCount: 1_000_000,
  followerCount: 1_000_000,
};

type Schema = Record<string, any>;

/**
 * The fields a 400 names: the validation pipe's `errors[]` (validation.failed) or a domain parser's
 * `problems[]` (the moderation policy, checked whole by trust & safety).
 */
function refusedFields(problem: any): Set<string> {
  return new Set(
    [...(problem?.errors ?? []), ...(problem?.problems ?? [])].map(({ field }: { field: string }) => field),
  );
}

/**
 * Batch routes that refuse a bad item inside a 200 answer (the rest of the batch is stored), with the
 * item's rejection code. Each undeclared field is sent on its own item so each refusal is seen.
 */
const ITEM_REFUSALS: Record<string, string> = { EventsController_track: 'insights.event.unknown-field' };

/** The server-owned fields a body schema leaves undeclared, injected into an otherwise-minimal body. */
function withForeignFields(document: ApiDocument, schema: Schema): { body: Record<string, unknown>; fields: string[] } {
  const { names } = declaredProperties(document, schema);
  const fields = Object.keys(SERVER_OWNED).filter((field) => !names.has(field));
  const minimal = sampleOf(document, schema) as Record<string, unknown>;
  return { body: { ...minimal, ...Object.fromEntries(fields.map((field) => [field, SERVER_OWNED[field]])) }, fields };
}

/** The item without the injected fields, except `keep`. */
function withOnly(item: Record<string, unknown>, injected: string[], keep: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([name]) => name === keep || !injected.includes(name)));
}

/** Declared properties whose value is an object with its own declared fields (or an array of them). */
function nestedObjects(document: ApiDocument, schema: Schema): { property: string; array: boolean; schema: Schema }[] {
  return Object.entries(collectProperties(document, schema)).flatMap(([property, declared]) => {
    const target = resolve(document, declared);
    const array = target?.type === 'array';
    const inner = resolve(document, array ? target.items : target);
    return inner && Object.keys(collectProperties(document, inner)).length ? [{ property, array, schema: inner }] : [];
  });
}

/**
 * Issue 17, mass assignment: every create and update body (POST/PUT/PATCH with a JSON schema in the
 * OpenAPI document) refuses each server-owned field it does not declare with 400 `validation.failed`
 * naming that field, whether the global validation pipe or the handler itself checks the body.
 */
describe('mass assignment sweep over every documented request body', () => {
  let app: TestApp;
  let document: ApiDocument;
  let withBodies: ApiOperation[];
  let adminToken: string;
  const log = new AnswerLog();

  beforeAll(async () => {
    app = await startShowrunner({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WRITE_RATE_LIMIT_PER_USER: '100000',
      WRITE_RATE_LIMIT_PER_IP: '100000',
    });
    document = await loadApiDocument(app);
    withBodies = operationsOf(document).filter(
      ({ method, jsonBody }) => ['POST', 'PUT', 'PATCH'].includes(method) && jsonBody,
    );
    // The admin passes every access rule and, on the top plan, every entitlement guard: what answers is the body check.
    adminToken = await logInAdmin(app);
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: adminToken,
      body: { planId: 'studio-pro', interval: 'month' },
    });
    expect(checkout.status).toBe(201);
    const paid = await fetch(`${app.url}/sandbox/checkout/${checkout.body.sessionId}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    await eventually(async () => {
      const plan = await app.request('GET', '/v1/billing/subscription', { token: adminToken });
      expect(plan.body.planId).toBe('studio-pro');
    }, SLOW_UNDER_LOAD);
  }, 120_000);
  afterAll(() => app.close());

  it('documents a JSON body for every handler that reads one, so none escapes the sweep', () => {
    const documented = new Set(withBodies.map(({ operationId }) => operationId));
    const undocumented = [...routeFactsByOperation(app.app).values()]
      .filter((route) => {
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler.name) ?? {};
        return Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
      })
      .filter(({ operationId }) => !documented.has(operationId))
      .map(({ operationId }) => operationId);
    expect(undocumented).toEqual([]);
    expect(withBodies.length).toBeGreaterThan(50);
  });

  /** Sends `body` to the route as the admin; lines for answers that are not 400 naming every `fields` entry. */
  async function refusals(cases: { operation: ApiOperation; body: unknown; fields: string[] }[]): Promise<string[]> {
    const wrong = await inPool(cases, CONCURRENCY, async ({ operation, body, fields }) => {
      const answer = await log.send(app, operation.method, concretePath(operation.path), { token: adminToken, body });
      const missed = fields.filter((field) => !refusedFields(answer.body).has(field));
      if (answer.status === 400 && !missed.length) return undefined;
      return `${describeOperation(operation)} → ${answer.status} ${answer.body?.code ?? ''}${
        missed.length ? ` (not refused: ${missed.join(', ')})` : ''
      }`;
    });
    return wrong.filter((line): line is string => Boolean(line));
  }

  it('refuses every undeclared server-owned field at the top of every create and update body', async () => {
    const cases = withBodies.map((operation) => ({ operation, ...withForeignFields(document, operation.jsonBody!) }));
    expect(cases.every(({ fields }) => fields.length > 0)).toBe(true);
    expect(await refusals(cases)).toEqual([]);
  });

  it('refuses them inside nested objects and arrays of objects too', async () => {
    const cases = withBodies.flatMap((operation) =>
      nestedObjects(document, operation.jsonBody!).map(({ property, array, schema }) => {
        const inner = withForeignFields(document, schema);
        const body = {
          ...(sampleOf(document, operation.jsonBody) as Record<string, unknown>),
          [property]: array ? [inner.body] : inner.body,
        };
        const prefix = array ? `${property}.0` : property;
        return { operation, body, fields: inner.fields.map((field) => `${prefix}.${field}`) };
      }),
    );
    expect(cases.length).toBeGreaterThan(5);
    const batches = cases.filter(({ operation }) => ITEM_REFUSALS[operation.operationId]);
    expect(await refusals(cases.filter((item) => !batches.includes(item)))).toEqual([]);

    const accepted: string[] = [];
    for (const { operation, body, fields } of batches)
      await inPool(fields, CONCURRENCY, async (path) => {
        const [property, , field] = path.split('.');
        const items = (body as Record<string, Record<string, unknown>[]>)[property];
        const injected = fields.map((each) => each.split('.')[2]);
        const only = { ...(body as object), [property]: [withOnly(items[0], injected, field)] };
        const answer = await log.send(app, operation.method, concretePath(operation.path), {
          token: adminToken,
          body: only,
        });
        const rejection = answer.body?.rejected?.[0];
        if (answer.body?.accepted !== 0 || rejection?.code !== ITEM_REFUSALS[operation.operationId])
          accepted.push(`${describeOperation(operation)} ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
      });
    expect(accepted).toEqual([]);
  });

  it('refuses them in every socket event payload the AsyncAPI document declares as an object', async () => {
    const asyncApi = (await app.request('GET', '/docs-asyncapi.json')).body;
    const schemas: ApiDocument = { paths: {}, components: { schemas: asyncApi.components.schemas } };
    const events = Object.values<any>(asyncApi.operations)
      .filter((operation) => operation.action === 'receive')
      .map((operation) => {
        const message = asyncApi.components.messages[String(operation.messages[0].$ref).split('/').pop()!];
        return { event: String(operation.channel.$ref).split('/').pop()!, payload: resolve(schemas, message.payload) };
      })
      .filter(({ payload }) => payload?.type === 'object' || payload?.properties);
    expect(events.length).toBeGreaterThan(5);
    const socket = await connectSocket(app, { token: adminToken });
    try {
      const wrong = await inPool(events, CONCURRENCY, async ({ event, payload }) => {
        const { body, fields } = withForeignFields(schemas, payload);
        const answer = await socket.timeout(10_000).emitWithAck(event, body);
        const missed = fields.filter((field) => !refusedFields(answer?.error).has(field));
        return answer?.error?.status === 400 && !missed.length
          ? undefined
          : `${event} → ${JSON.stringify(answer).slice(0, 160)}${missed.length ? ` (not refused: ${missed.join(', ')})` : ''}`;
      });
      expect(wrong.filter(Boolean)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  it('never answered with a 5xx', () => {
    expect(log.count).toBeGreaterThan(50);
    expect(log.serverErrors()).toEqual([]);
  });
});
