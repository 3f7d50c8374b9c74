import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { RouteAccess } from '@lib/platform';
import { TEST_JWT_SECRET, type HttpAnswer, type RequestOptions, type TestApp } from '@lib/platform/testing';

/**
 * Helpers for the hardening sweeps (test/e2e/hardening): every case is derived from the OpenAPI
 * document the app serves, so a route added later is swept without anyone writing a test for it.
 */

export const HTTP_METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'] as const;

type Schema = Record<string, any>;

export interface ApiOperation {
  method: string;
  /** The documented path, `{param}` placeholders included. */
  path: string;
  operationId: string;
  access: RouteAccess;
  pathParams: string[];
  /** The JSON request body's schema ($refs resolved at the top), when the route takes one. */
  jsonBody?: Schema;
}

export interface ApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
}

export async function loadApiDocument(app: TestApp): Promise<ApiDocument> {
  const answer = await app.request('GET', '/docs-json');
  if (answer.status !== 200) throw new Error(`/docs-json answered ${answer.status}`);
  return answer.body as ApiDocument;
}

/** Every documented operation; an operation without `x-access` throws (the sweep cannot place it). */
export function operationsOf(document: ApiDocument): ApiOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (HTTP_METHODS as readonly string[]).includes(method))
      .map(([method, operation]) => {
        const access = operation['x-access'] as RouteAccess | undefined;
        if (!access) throw new Error(`${method.toUpperCase()} ${path} declares no x-access`);
        const json = operation.requestBody?.content?.['application/json']?.schema as Schema | undefined;
        return {
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId as string,
          access,
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
          jsonBody: json ? resolve(document, json) : undefined,
        };
      }),
  );
}

export const describeOperation = (operation: Pick<ApiOperation, 'method' | 'path'>) =>
  `${operation.method} ${operation.path}`;

/** A syntactically valid value for a path parameter: a fresh UUID unless the name says otherwise. */
export function pathParamValue(name: string): string {
  const byName: Record<string, string> = {
    language: 'en',
    tag: 'sweep',
    file: 'en.vtt',
    image: 'logo',
    path: 'master.m3u8',
    action: 'cancel',
    queueName: 'sweep',
    queueStatus: 'failed',
    jobId: '1',
    schedulerId: 'sweep',
  };
  return byName[name] ?? randomUUID();
}

/** The path with each `{param}` (OpenAPI) or `:param` (Fastify) filled with a valid value. */
export function concretePath(path: string, fill: (name: string) => string = pathParamValue): string {
  return path
    .replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(fill(name)))
    .replace(/:([A-Za-z]\w*)/g, (_, name: string) => encodeURIComponent(fill(name)))
    .replace(/\*$/, 'sweep');
}

/** Follows a `$ref` into the document's components (one level per call). */
export function resolve(document: ApiDocument, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++)
    current = document.components.schemas[String(current.$ref).split('/').pop()!];
  return current;
}

/** The properties a body schema declares (allOf merged; oneOf/anyOf variants united). */
export function declaredProperties(document: ApiDocument, schema: Schema): { names: Set<string>; required: string[] } {
  const target = resolve(document, schema);
  const names = new Set<string>(Object.keys(target?.properties ?? {}));
  const required = [...((target?.required as string[] | undefined) ?? [])];
  for (const part of [...(target?.allOf ?? []), ...(target?.oneOf ?? []), ...(target?.anyOf ?? [])]) {
    const inner = declaredProperties(document, part);
    inner.names.forEach((name) => names.add(name));
    if (target?.allOf?.includes(part)) required.push(...inner.required);
  }
  return { names, required };
}

/** A small value that satisfies the schema's shape (used to build otherwise-minimal bodies). */
export function sampleOf(document: ApiDocument, schema: Schema | undefined, depth = 0): unknown {
  const target = schema ? resolve(document, schema) : undefined;
  if (!target || depth > 5) return 'x';
  if (target.example !== undefined) return target.example;
  if (target.enum?.length) return target.enum[0];
  if (target.allOf?.length) return sampleObject(document, target, depth);
  if (target.oneOf?.length || target.anyOf?.length)
    return sampleOf(document, (target.oneOf ?? target.anyOf)[0], depth + 1);
  switch (target.type) {
    case 'string':
      if (target.format === 'uuid') return randomUUID();
      if (target.format === 'email') return 'sweep@example.com';
      if (target.format === 'date-time') return new Date().toISOString();
      if (target.format === 'uri' || target.format === 'url') return 'https://example.com/';
      return 'x'.repeat(Math.max(1, Number(target.minLength ?? 1)));
    case 'integer':
    case 'number':
      return Math.max(1, Number(target.minimum ?? 1));
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Number(target.minItems ?? 0) }, () => sampleOf(document, target.items, depth + 1));
    default:
      return target.properties || target.allOf ? sampleObject(document, target, depth) : {};
  }
}

function sampleObject(document: ApiDocument, schema: Schema, depth: number): Record<string, unknown> {
  const { required } = declaredProperties(document, schema);
  const properties = collectProperties(document, schema);
  return Object.fromEntries(required.map((name) => [name, sampleOf(document, properties[name], depth + 1)]));
}

/** name → schema of every property a body declares (allOf merged). */
export function collectProperties(document: ApiDocument, schema: Schema): Record<string, Schema> {
  const target = resolve(document, schema);
  const own = { ...((target?.properties as Record<string, Schema> | undefined) ?? {}) };
  for (const part of target?.allOf ?? []) Object.assign(own, collectProperties(document, part));
  return own;
}

/** Runs `work` over `items` with at most `concurrency` at a time, keeping the order of results. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Every answer a sweep received, so a file can assert that none of them was a 5xx. */
export class AnswerLog {
  private readonly seen: { request: string; status: number; body: unknown }[] = [];

  async send(app: TestApp, method: string, path: string, options?: RequestOptions): Promise<HttpAnswer> {
    const answer = await app.request(method, path, options);
    this.seen.push({ request: `${method} ${path}`, status: answer.status, body: answer.body });
    return answer;
  }

  get count(): number {
    return this.seen.length;
  }

  serverErrors() {
    return this.seen.filter((entry) => entry.status >= 500);
  }
}

const ISSUER = 'showrunner';
const AUDIENCE = 'showrunner-api';
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Bearer tokens an attacker could present, each for a real account: `claims` are a real member's
 * (`sub`, `sid`), so only the defect named by each token stands between it and a valid one.
 */
export function hostileTokens(member: { userId: string; sessionId: string; accessToken: string }) {
  const claims = { sub: member.userId, roles: ['member'], sid: member.sessionId, typ: 'access' };
  const signer = (secret: string) => new JwtService({ secret });
  const [header, payload, signature] = member.accessToken.split('.');
  const raised = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), roles: ['admin'] };
  return {
    /** Random bytes shaped like a JWT. */
    forged: `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}.${randomUUID().replace(/-/g, '')}`,
    expired: signer(TEST_JWT_SECRET).sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
      { issuer: ISSUER, audience: AUDIENCE },
    ),
    'alg none': `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      ...claims,
      roles: ['admin'],
      iss: ISSUER,
      aud: AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 600,
    })}.`,
    'wrong secret': signer('someone-else-s-secret-0123456789abcdef').sign(
      { ...claims, roles: ['admin'] },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: 600 },
    ),
    /** The member's genuine token with `roles` raised to admin and the original signature kept. */
    'tampered claims': `${header}.${base64url(raised)}.${signature}`,
  } as const;
}

/** The session id (`sid`) inside an access token the app issued. */
export function sessionIdOf(accessToken: string): string {
  return JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')).sid as string;
}

/**
 * Every route Fastify serves, from its route tree (`printRoutes`), as `{ method, path }` with
 * Fastify's `:param` placeholders: routes mounted outside Nest (docs, Bull Board) included.
 */
export function fastifyRoutes(app: TestApp): { method: string; path: string }[] {
  return parseRouteTree(app.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
}

/** Fastify's `printRoutes({ commonPrefix: false })` tree as `{ method, path }` rows (OPTIONS left out). */
export function parseRouteTree(tree: string): { method: string; path: string }[] {
  const stack: string[] = [];
  const routes: { method: string; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[2]}`;
    stack[depth] = path;
    for (const method of match[3]?.split(',').map((m) => m.trim()) ?? [])
      if (method !== 'OPTIONS') routes.push({ method, path });
  }
  return routes;
}
