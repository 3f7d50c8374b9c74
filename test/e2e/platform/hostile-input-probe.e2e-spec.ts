import { handledSocketEvents } from '@lib/platform';
import type { TestApp } from '@lib/platform/testing';
import { ask } from '../../support/messaging.js';
import { connectSocket, startShowrunner } from '../../support/showrunner.js';

/**
 * A probe over every documented route: NUL bytes, lone surrogates and 10,000-deep JSON in each path
 * parameter, query parameter and body property. Whatever a route does with them, it answers a 4xx
 * problem document, never a 5xx, so a new route cannot bring the 500s back.
 */

const ADMIN = { email: 'probe-admin@example.com', password: 'probe admin password 1' };
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const DEPTH = 10_000;
const CONCURRENCY = 6;

// In URLs: a NUL byte, and the UTF-8 encoding of a lone surrogate (not decodable as UTF-8).
const URL_VALUES = { nul: 'a%00b', 'lone surrogate': '%ED%A0%80' } as const;
// In JSON bodies, raw escapes: JSON.parse turns them into a real NUL and a real lone surrogate.
const JSON_VALUES = {
  nul: '"a\\u0000b"',
  'lone surrogate': '"a\\ud800b"',
  'deep nesting': '['.repeat(DEPTH) + ']'.repeat(DEPTH),
} as const;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  /** Body properties when the route takes JSON; `undefined` when it takes none. */
  bodyProperties: string[] | undefined;
}

interface Probe {
  label: string;
  method: string;
  url: string;
  rawBody?: string;
}

type OpenApi = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, any> } };

function operationsOf(document: OpenApi): Operation[] {
  const resolve = (schema: any): any =>
    schema?.$ref ? document.components?.schemas?.[schema.$ref.split('/').pop()] : schema;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters: { in: string; name: string }[] = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
      const jsonBody = operation.requestBody?.content?.['application/json'];
      const schema = jsonBody ? resolve(jsonBody.schema) : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
        bodyProperties: jsonBody
          ? Object.keys(schema?.properties ?? {}).concat(schema?.properties ? [] : ['value'])
          : undefined,
      });
    }
  }
  return operations;
}

function urlOf(path: string, params: Record<string, string> = {}, query = ''): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? SOME_ID) + query;
}

function probesOf(operation: Operation): Probe[] {
  const { method, path } = operation;
  const probes: Probe[] = [];
  const emptyBody = operation.bodyProperties ? '{}' : undefined;
  for (const [kind, value] of Object.entries(URL_VALUES)) {
    for (const name of operation.pathParams) {
      probes.push({
        label: `${kind} in path parameter ${name}`,
        method,
        url: urlOf(path, { [name]: value }),
        rawBody: emptyBody,
      });
    }
    for (const name of operation.queryParams) {
      probes.push({
        label: `${kind} in query parameter ${name}`,
        method,
        url: urlOf(path, {}, `?${encodeURIComponent(name)}=${value}`),
        rawBody: emptyBody,
      });
    }
  }
  for (const [kind, value] of Object.entries(JSON_VALUES)) {
    for (const name of operation.bodyProperties ?? []) {
      probes.push({
        label: `${kind} in body property ${name}`,
        method,
        url: urlOf(path),
        rawBody: `{${JSON.stringify(name)}:${value}}`,
      });
    }
  }
  return probes;
}

async function inPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('probe: hostile text and deep nesting on every documented route and socket event', () => {
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    // An admin, so that guards let the probes through to whatever validation and handlers lie behind them.
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    token = (await app.request('POST', '/v1/auth/login', { body: ADMIN })).body.tokens.accessToken;
  });
  afterAll(() => app.close());

  it('answers every probe with a problem document and never a 5xx', async () => {
    const document = (await app.request('GET', '/docs-json')).body as OpenApi;
    const operations = operationsOf(document);
    // The document is the list of routes: if it shrank to nothing, the probe would prove nothing.
    expect(operations.length).toBeGreaterThan(100);
    const probes = operations.flatMap(probesOf);
    expect(probes.length).toBeGreaterThan(500);

    const failures: string[] = [];
    await inPool(probes, CONCURRENCY, async (probe) => {
      const answer = await app.request(probe.method, probe.url, { token, rawBody: probe.rawBody });
      const problem = /^application\/problem\+json/.test(answer.headers.get('content-type') ?? '');
      // Undecodable UTF-8 in a query string is decoded to U+FFFD, which is valid text: any answer but a 5xx will do.
      const harmless = probe.label.startsWith('lone surrogate in query');
      if (answer.status >= 500 || (answer.status >= 400 && !problem) || (answer.status < 400 && !harmless)) {
        failures.push(
          `${probe.method} ${probe.url.slice(0, 120)} (${probe.label}): ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`,
        );
      }
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers every socket client event carrying hostile text or deep nesting with a validation error', async () => {
    const socket = await connectSocket(app, { token });
    try {
      // Every client event a gateway handles, read from the gateways themselves (as the AsyncAPI check does).
      for (const { name: event } of handledSocketEvents(app.app)) {
        for (const text of ['a\u0000b', 'a\ud800b']) {
          const answer = await ask(socket, event, {
            conversationId: SOME_ID,
            channelId: SOME_ID,
            text,
            clientMessageId: text,
            state: text,
          });
          expect({ event, error: answer.error }).toMatchObject({
            event,
            error: { status: 400, code: 'validation.failed' },
          });
        }
        // socket.io-client recurses over what it emits, so the deep EVENT packet (type 2) is written on the wire by hand.
        const refused = new Promise<any>((resolve) => socket.once('exception', resolve));
        socket.io.engine.send(
          `2[${JSON.stringify(event)},{"conversationId":"${SOME_ID}","text":${JSON_VALUES['deep nesting']}}]`,
        );
        expect({ event, error: await refused }).toMatchObject({
          event,
          error: { status: 400, code: 'validation.too-deep' },
        });
      }
    } finally {
      socket.close();
    }
  });
});
