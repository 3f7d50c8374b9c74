import { fileURLToPath } from 'node:url';
import { routeFactsByOperation, type RouteFacts, declaredSocketEvents, handledSocketEvents } from '@lib/platform';
import type { TestApp } from '@lib/platform/testing';
import { NOTIFICATION_TYPE_NAMES } from '../../../libs/engagement/src/domain/notification/notification.js';
import { startShowrunner } from '../../support/showrunner.js';
import { findErrorCodes, readLibrarySources } from '../../architecture/error-codes.js';

// One app for every describe below: each used to boot its own, and a boot costs seconds of CPU per file.
let app: TestApp;
beforeAll(async () => {
  app = await startShowrunner();
}, 120_000);
afterAll(() => app?.close());

type Response = { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> };
type Operation = { operationId?: string; responses: Record<string, Response>; 'x-access'?: unknown };
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

/**
 * The OpenAPI document is complete enough to generate clients from, and says what the code does:
 * each route's real success status, a body schema on every success that has a body, and its access
 * rule. Facts come from the controllers' own metadata, so a new route cannot drift unnoticed.
 */
describe('the OpenAPI document against the code', () => {
  let operations: { method: string; path: string; operation: Operation }[];
  let facts: Map<string, RouteFacts>;
  let schemas: Record<string, any>;

  beforeAll(async () => {
    const document = (await app.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, any> };
    };
    schemas = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({ method, path, operation })),
    );
    facts = routeFactsByOperation(app.app);
  });

  const successCodes = (operation: Operation) => Object.keys(operation.responses).filter((code) => /^[23]/.test(code));

  it('documents the success status each route really answers with', () => {
    const wrong = operations.flatMap(({ method, path, operation }) => {
      const route = facts.get(operation.operationId ?? '');
      const documented = successCodes(operation);
      if (!documented.length) return [`${method.toUpperCase()} ${path}: no success answer documented`];
      if (route?.successStatus && !documented.includes(String(route.successStatus)))
        return [`${method.toUpperCase()} ${path}: answers ${route.successStatus}, documents ${documented.join(', ')}`];
      return [];
    });
    expect(wrong).toEqual([]);
  });

  it('gives every success answer with a body its content type and schema', () => {
    const bodiless = operations.flatMap(({ method, path, operation }) =>
      successCodes(operation)
        .filter((code) => method !== 'head' && !['202', '204'].includes(code) && !code.startsWith('3'))
        .filter((code) => {
          const response = operation.responses[code];
          // A body-less creation names what it created in its headers (tus: Location).
          if (code === '201' && response.headers) return false;
          return !Object.values(response.content ?? {}).some((media) => media.schema);
        })
        .map((code) => `${method.toUpperCase()} ${path} ${code}`),
    );
    expect(bodiless).toEqual([]);
  });

  it('states every route’s access rule, from the same metadata the guards read', () => {
    const ids = new Set(operations.map(({ operation }) => operation.operationId));
    // Every route the code serves is documented (none hidden by accident)…
    const undocumented = [...facts.keys()].filter((operationId) => !ids.has(operationId));
    expect(undocumented).toEqual([]);
    // …and says who may call it.
    for (const { operation } of operations)
      expect(operation['x-access']).toEqual(facts.get(operation.operationId ?? '')?.access);
    const admin = operations.find(({ path }) => path === '/v1/admin/audit-log')!.operation;
    expect(admin['x-access']).toEqual({ audience: 'roles', roles: expect.arrayContaining(['admin']) });
    const login = operations.find(({ path }) => path === '/v1/auth/login')!.operation;
    expect(login['x-access']).toMatchObject({ audience: 'public' });
  });

  it('types each notification’s data by its type: a union discriminated by `type`', () => {
    const union = schemas.NotificationPageResponse.properties.items.items;
    expect(union.discriminator.propertyName).toBe('type');
    expect(Object.keys(union.discriminator.mapping).sort()).toEqual([...NOTIFICATION_TYPE_NAMES].sort());
    for (const [type, ref] of Object.entries<string>(union.discriminator.mapping)) {
      const variant = schemas[ref.split('/').pop()!];
      expect(variant.properties.type.enum).toEqual([type]);
      const data = variant.properties.data;
      const refs: string[] = data.$ref ? [data.$ref] : (data.oneOf ?? data.allOf ?? []).map((r: any) => r.$ref);
      expect(refs.length).toBeGreaterThan(0);
      for (const dataRef of refs) expect(schemas[dataRef.split('/').pop()!]).toBeDefined();
      expect(variant.properties.actors.items.$ref).toContain('NotificationActorResponse');
    }
  });

  it('states the constraints class-validator enforces: formats, lengths, patterns, bounds, on bodies, queries and path ids', () => {
    const send = schemas.SocketSendMessage.properties;
    expect(send.conversationId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(send.recipientId).toMatchObject({ type: 'string', format: 'uuid' });
    expect(send.clientMessageId).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' });
    expect(schemas.StartConversationRequest.properties.memberIds).toMatchObject({
      minItems: 1,
      maxItems: 1000,
      items: { format: 'uuid' },
    });
    expect(schemas.StartConversationRequest.properties.title).toMatchObject({ minLength: 1, maxLength: 100 });
    expect(schemas.SocketMarkRead.properties.upToSeq).toMatchObject({
      type: 'integer',
      minimum: 0,
      maximum: 2 ** 31 - 1,
    });
    const parameters = (path: string, method = 'get') =>
      Object.fromEntries(
        ((operations.find((o) => o.path === path && o.method === method)!.operation as any).parameters as any[]).map(
          (parameter) => [`${parameter.in}.${parameter.name}`, parameter.schema],
        ),
      );
    const history = parameters('/v1/conversations/{id}/messages');
    expect(history['path.id']).toMatchObject({ format: 'uuid' });
    expect(history['query.before']).toMatchObject({ type: 'integer', minimum: 0, maximum: 2 ** 31 - 1 });
    expect(history['query.limit']).toMatchObject({ type: 'integer', minimum: 1 });
    expect(parameters('/v1/users/{userId}/followers')['path.userId']).toMatchObject({ format: 'uuid' });
  });

  it('states conditions between fields: AlternativeTo pairs as exactly one of, ValidateWhen variants by their key', () => {
    const uuid = { type: 'string', format: 'uuid' };
    const only = (name: string, schema: unknown) => ({
      type: 'object',
      properties: { [name]: schema },
      required: [name],
    });
    // message:send (AsyncAPI shares these schemas) and the channel invitation: both or neither match no single branch.
    expect(schemas.SocketSendMessage.oneOf).toEqual([
      only('conversationId', expect.objectContaining(uuid)),
      only('recipientId', expect.objectContaining(uuid)),
    ]);
    expect(schemas.SocketSendMessage.required).toEqual(['text', 'clientMessageId']);
    expect(schemas.SocketSendMessage.description).toContain('Exactly one of `conversationId` and `recipientId`.');
    expect(schemas.InviteMemberRequest.oneOf).toEqual([
      only('email', expect.objectContaining({ type: 'string', format: 'email' })),
      only('handle', expect.objectContaining({ type: 'string', pattern: '^@?[A-Za-z0-9_.]{1,40}$' })),
    ]);
    expect(schemas.InviteMemberRequest.required).toEqual(['role']);
    const start = schemas.StartConversationRequest;
    expect(start.oneOf).toEqual([
      {
        type: 'object',
        properties: { kind: { type: 'string', enum: ['direct'] }, recipientId: expect.objectContaining(uuid) },
        required: ['kind', 'recipientId'],
      },
      {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['group'] },
          title: expect.objectContaining({ minLength: 1, maxLength: 100 }),
          memberIds: expect.objectContaining({ minItems: 1, items: expect.objectContaining(uuid) }),
        },
        required: ['kind', 'title', 'memberIds'],
      },
    ]);
  });
});

const root = fileURLToPath(new URL('../../..', import.meta.url));

type AsyncApi = {
  asyncapi: string;
  info: { description: string };
  operations: Record<string, { action: 'send' | 'receive'; 'x-error-codes'?: string[] }>;
  [key: string]: unknown;
};

/** Every `$ref` in the document, with whether it resolves inside it. */
function references(document: unknown): { ref: string; resolves: boolean }[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') found.push(value);
        else walk(value);
      }
  };
  walk(document);
  const resolve = (ref: string) =>
    ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
  return found.map((ref) => ({ ref, resolves: resolve(ref) !== undefined }));
}

/**
 * The Socket.IO reference (`/docs-asyncapi.json`) against the code: every push declared anywhere
 * and every event a gateway handles is documented, with schemas that resolve and error codes that exist.
 */
describe('the AsyncAPI document against the gateways', () => {
  let document: AsyncApi;

  beforeAll(async () => {
    const answer = await app.request('GET', '/docs-asyncapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  });

  const documented = (action: 'send' | 'receive') =>
    Object.entries(document.operations)
      .filter(([, operation]) => operation.action === action)
      .map(([id]) => id.replace(/^(push|handle) /, ''))
      .sort();

  it('documents every event the server pushes', () => {
    expect(document.asyncapi).toBe('3.0.0');
    const declared = declaredSocketEvents().map((event) => event.name);
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((name) => !documented('send').includes(name))).toEqual([]);
  });

  it('documents exactly the client events the gateways handle', () => {
    const handled = handledSocketEvents(app.app).map(({ name }) => name);
    expect(handled).toEqual(expect.arrayContaining(['message:send', 'session:whoami', 'moderation:subscribe']));
    expect(documented('receive')).toEqual([...handled].sort());
  });

  it('states message:send’s exactly-one-of recipient as a oneOf of required-sets on its payload schema', () => {
    const { payload } = (document as any).components.messages['message:send'];
    const schema = (document as any).components.schemas[String(payload.$ref).split('/').pop()!];
    expect(schema.oneOf.map((branch: { required: string[] }) => branch.required)).toEqual([
      ['conversationId'],
      ['recipientId'],
    ]);
  });

  it('resolves every schema and names only error codes the code has', () => {
    expect(references(document).filter(({ resolves }) => !resolves)).toEqual([]);
    const codes = new Set(findErrorCodes(readLibrarySources(root)).map(({ code }) => code));
    const named = Object.values(document.operations).flatMap((operation) => operation['x-error-codes'] ?? []);
    expect(named.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('explains the connection lifecycle: handshake, expiry and refresh, catching up, the packet limit', () => {
    for (const topic of [
      'auth: { token }',
      'auth:expired',
      'POST /v1/auth/refresh',
      'after=',
      'socket.unknown-event',
      'close code 1009',
    ])
      expect(document.info.description).toContain(topic);
  });
});
