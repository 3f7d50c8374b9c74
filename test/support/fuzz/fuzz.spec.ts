import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { ApiDocument } from '../api-sweep.js';
import { validOf } from './request-arbitrary.js';
import {
  conditionCases,
  conditionRequests,
  fuzzTargets,
  invalidOf,
  refusalViolations,
  invariantViolations,
  percentEncode,
  RawJson,
  replayable,
  requestArbitrary,
  seedFor,
  toJsonText,
  type FuzzRequest,
  type WireAnswer,
} from './index.js';

const document: ApiDocument = {
  paths: {
    '/v1/things/{thingId}': {
      patch: {
        operationId: 'ThingsController_update',
        'x-access': { audience: 'authenticated' },
        parameters: [
          { name: 'thingId', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'limit', in: 'query', schema: { type: 'number', minimum: 1, maximum: 100 } },
          { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/UpdateThing' } } } },
      },
    },
    '/v1/ping': { get: { operationId: 'PingController_ping', 'x-access': { audience: 'public' } } },
    '/v1/admin/reset': {
      post: { operationId: 'AdminController_reset', 'x-access': { audience: 'roles', roles: ['admin'] } },
    },
  },
  components: {
    schemas: {
      UpdateThing: {
        type: 'object',
        required: ['title'],
        properties: {
          title: { type: 'string', maxLength: 80 },
          tags: { type: 'array', items: { type: 'string' } },
          size: { type: 'integer', minimum: 0 },
        },
      },
    },
  },
};

const answer = (status: number, contentType: string, body: unknown): WireAnswer => ({
  status,
  headers: { 'content-type': contentType },
  text: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('the OpenAPI fuzzer', () => {
  const targets = fuzzTargets(document);
  const [update, ping, reset] = targets;
  const sample = (target = update, runs = 400): FuzzRequest[] =>
    fc.sample(requestArbitrary(document, target, { thingId: ['11111111-1111-4111-8111-111111111111'] }), {
      seed: 42,
      numRuns: runs,
    });

  it('targets every operation, including ones without any schema, with their role', () => {
    expect(targets.map(({ operationId }) => operationId)).toEqual([
      'ThingsController_update',
      'PingController_ping',
      'AdminController_reset',
    ]);
    expect(reset.roles).toEqual(['admin']);
    expect(ping.parameters).toEqual([]);
    expect(sample(ping, 50).some(({ mutations }) => mutations.length)).toBe(true);
    expect(sample(reset, 50).some(({ body }) => body !== undefined)).toBe(true);
  });

  it('generates valid-looking requests and every class of hostile mutation', () => {
    const requests = sample();
    const all = requests.flatMap(({ mutations }) => mutations).join('\n');
    expect(requests.some(({ mutations }) => mutations.length === 0)).toBe(true);
    for (const expected of [
      'body: malformed JSON',
      'body: over 1 MB',
      'body: required title missing',
      'body: extra field',
      'body.title: hostile value',
      'body: replaced by a hostile value',
      'path.thingId: ',
      'path.thingId: raw ..',
      'query.limit: hostile',
      'query.limit: repeated',
      'query: extra "__proto__[isAdmin]"',
      'header Idempotency-Key: ',
      'accept: sent twice',
      'content-type: "text/plain"',
      'content-type: absent',
    ])
      expect(all).toContain(expected);
    expect(requests.every(({ url }) => url.startsWith('/v1/things/') && !url.includes('{'))).toBe(true);
    expect(requests.some(({ url }) => url.includes('11111111-1111-4111-8111-111111111111'))).toBe(true);
  });

  it('puts real ids in body fields by name, and marks a share of requests as sent by another person only when asked', () => {
    const real = '22222222-2222-4222-8222-222222222222';
    const withOwnerIds = (byOther: boolean) =>
      fc.sample(requestArbitrary(document, update, {}, { values: { title: [real] }, byOther }), {
        seed: 42,
        numRuns: 300,
      });
    const requests = withOwnerIds(true);
    expect(requests.filter(({ body }) => body?.includes(real)).length).toBeGreaterThan(50);
    const others = requests.filter(({ sender }) => sender === 'other');
    expect(others.length).toBeGreaterThan(50);
    expect(others.length).toBeLessThan(150);
    expect(others.every(({ mutations }) => mutations.includes('sent by another person with the owner’s ids'))).toBe(
      true,
    );
    expect(withOwnerIds(false).some(({ sender }) => sender !== undefined)).toBe(false);
  });

  it('writes values JSON cannot hold verbatim, and encodes lone surrogates as invalid UTF-8', () => {
    expect(toJsonText({ a: new RawJson('NaN'), b: [new RawJson('1e400')], c: 'x' })).toBe(
      '{"a":NaN,"b":[1e400],"c":"x"}',
    );
    expect(percentEncode('a\uD800b')).toBe('a%ED%A0%80b');
    expect(percentEncode('é/')).toBe('%C3%A9%2F');
  });

  it('gives each operation its own stable seed', () => {
    expect(seedFor(1, 'A_a')).toBe(seedFor(1, 'A_a'));
    expect(seedFor(1, 'A_a')).not.toBe(seedFor(1, 'A_b'));
    expect(seedFor(1, 'A_a')).not.toBe(seedFor(2, 'A_a'));
  });

  it('accepts a proper problem document and refuses everything else', () => {
    const fine = { type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation.failed' };
    expect(invariantViolations(answer(400, 'application/problem+json; charset=utf-8', fine), 'POST')).toEqual([]);
    expect(invariantViolations(answer(200, 'application/json', { ok: true }), 'GET')).toEqual([]);
    expect(invariantViolations(answer(502, 'application/problem+json', { ...fine, status: 502 }), 'GET')).toEqual([
      'answered 502',
    ]);
    expect(invariantViolations(answer(400, 'application/json', fine), 'GET')[0]).toMatch(
      /not application\/problem\+json/,
    );
    expect(
      invariantViolations(answer(414, 'application/problem+json', { ...fine, status: 414, code: 'http.414' }), 'GET'),
    ).toEqual(['a 414 without a stable code (code: "http.414")']);
    expect(
      invariantViolations(answer(400, 'application/problem+json', { ...fine, code: undefined }), 'GET'),
    ).toHaveLength(1);
    expect(invariantViolations(answer(400, 'application/problem+json', { ...fine, status: 422 }), 'GET')).toHaveLength(
      1,
    );
    expect(invariantViolations(answer(400, 'application/problem+json', '<html>oops</html>'), 'GET')).toEqual([
      'a 400 whose body is not JSON',
    ]);
  });

  it('catches stack traces, source paths and driver errors in any answer', () => {
    const leaks = [
      'TypeError: Cannot read properties of undefined\n    at ThingsController.update (/work/main/libs/x/y.ts:10:5)',
      '    at async Promise.all (index 0)\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      'failed in /app/dist/apps/api/main.js',
      'duplicate key value violates unique constraint "x"',
      'see node_modules/@mikro-orm/core/index.js',
    ];
    for (const detail of leaks)
      expect(
        invariantViolations(answer(400, 'application/problem+json', { status: 400, code: 'x.y', detail }), 'GET')
          .length,
      ).toBeGreaterThan(0);
    expect(invariantViolations(answer(201, 'application/json', { title: leaks[0] }), 'POST').length).toBeGreaterThan(0);
  });

  it('prints a counterexample as a curl line and JSON, large bodies and URLs through files', () => {
    const small = replayable({
      method: 'PATCH',
      url: '/v1/things/..?limit=1&limit=2',
      headers: { accept: ['application/json', 'text/html'], 'content-type': 'text/plain' },
      body: `{"title":"it's"}`,
      mutations: [],
    });
    expect(small.curl).toBe(
      `curl -i --path-as-is -X PATCH 'http://127.0.0.1:3000/v1/things/..?limit=1&limit=2' -H "Authorization: Bearer $TOKEN" ` +
        `-H 'accept: application/json' -H 'accept: text/html' -H 'content-type: text/plain' --data-binary '{"title":"it'\\''s"}'`,
    );
    expect(JSON.parse(small.json)).toMatchObject({ method: 'PATCH', body: `{"title":"it's"}` });

    const large = replayable({
      method: 'POST',
      url: `/v1/x/${'a'.repeat(5_000)}`,
      headers: {},
      body: 'b'.repeat(10_000),
      mutations: [],
    });
    const script = /^sh (\S+)/.exec(large.curl)![1];
    const replay = readFileSync(script, 'utf8');
    expect(replay).toContain('a'.repeat(5_000));
    const bodyFile = /--data-binary '@([^']+)'/.exec(replay)![1];
    expect(readFileSync(bodyFile, 'utf8')).toBe('b'.repeat(10_000));
  });

  it('generates values inside the documented constraints as valid, and just outside them as invalid', () => {
    const cases: [Record<string, unknown>, (value: any) => boolean][] = [
      [{ type: 'string', format: 'uuid' }, (v) => /^[0-9a-f-]{36}$/i.test(v)],
      [{ type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' }, (v) => /^[A-Za-z0-9_-]{1,64}$/.test(v)],
      [{ type: 'string', minLength: 2, maxLength: 5 }, (v) => [...v].length >= 2 && [...v].length <= 5], // code points, as class-validator counts,
      [{ type: 'string', enum: ['start', 'stop'] }, (v) => ['start', 'stop'].includes(v)],
      [
        { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
        (v) => Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1,
      ],
      [{ type: 'number', exclusiveMinimum: 0 }, (v) => v > 0],
      [{ type: 'array', minItems: 1, maxItems: 2, items: { type: 'string' } }, (v) => v.length >= 1 && v.length <= 2],
    ];
    for (const [schema, fits] of cases) {
      expect(fc.sample(validOf(document, schema), { seed: 7, numRuns: 50 }).filter((value) => !fits(value))).toEqual(
        [],
      );
      const invalid = invalidOf(document, schema)!;
      expect(fc.sample(invalid, { seed: 7, numRuns: 50 }).filter((value) => fits(value))).toEqual([]);
    }
    expect(invalidOf(document, { type: 'string' })).toBeNull();
    const mutations = sample(update, 400).flatMap(({ mutations }) => mutations);
    expect(mutations).toContain('body.title: breaks its schema');
    expect(mutations).toContain('query.limit: breaks its schema');
  });

  it('generates each documented alternative and variant, and the combinations breaking them with the promised refusal', () => {
    const invite = {
      type: 'object',
      properties: {
        handle: { type: 'string' },
        email: { type: 'string', format: 'email' },
        role: { enum: ['editor'] },
      },
      required: ['role'],
      oneOf: [
        { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] },
        { type: 'object', properties: { handle: { type: 'string' } }, required: ['handle'] },
      ],
    };
    const start = {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['direct', 'group'] },
        recipientId: { type: 'string', format: 'uuid' },
        title: { type: 'string' },
      },
      required: ['kind'],
      oneOf: [
        {
          type: 'object',
          properties: { kind: { enum: ['direct'] }, recipientId: { type: 'string' } },
          required: ['kind', 'recipientId'],
        },
        {
          type: 'object',
          properties: { kind: { enum: ['group'] }, title: { type: 'string' } },
          required: ['kind', 'title'],
        },
      ],
    };
    const given = (value: Record<string, unknown>, names: string[]) => names.filter((name) => name in value);
    // Valid values meet exactly one branch, with real values where fixtures name the field.
    for (const value of fc.sample(validOf(document, invite, 0, { handle: ['ada'] }), {
      seed: 7,
      numRuns: 50,
    }) as any[]) {
      expect(given(value, ['email', 'handle'])).toHaveLength(1);
      expect(value.role).toBe('editor');
    }
    for (const value of fc.sample(validOf(document, start), { seed: 7, numRuns: 50 }) as any[])
      expect(value.kind === 'direct' ? 'recipientId' in value : 'title' in value).toBe(true);

    const shown = (schema: Record<string, unknown>) =>
      conditionCases(document, schema).map(({ refused, arbitrary }) => {
        const [{ value, mutation, expected }] = fc.sample(arbitrary, { seed: 3, numRuns: 1 });
        return { refused, mutation, expected, value };
      });
    const inviteCases = shown(invite);
    expect(inviteCases.map(({ mutation, expected }) => [mutation, expected?.code])).toEqual([
      ['body: variant email', undefined],
      ['body: variant handle', undefined],
      ['body: email and handle together', 'validation.failed'],
      ['body: none of email, handle', 'validation.failed'],
    ]);
    expect(inviteCases.map(({ value }) => given(value, ['email', 'handle']))).toEqual([
      ['email'],
      ['handle'],
      ['email', 'handle'],
      [],
    ]);
    expect(shown(start).map(({ mutation, value }) => [mutation, given(value, ['recipientId', 'title'])])).toEqual([
      ['body: variant kind, recipientId', ['recipientId']],
      ['body: variant kind, title', ['title']],
      ['body: kind "direct" without recipientId', []],
      ['body: kind "group" without title', []],
    ]);

    // A oneOf of models is a union, not a condition between fields: nothing to break.
    expect(
      conditionCases(document, {
        type: 'object',
        properties: { note: { type: 'string' } },
        oneOf: [{ $ref: '#/components/schemas/UpdateThing' }],
      }),
    ).toEqual([]);

    // On an operation: one request per case, run first; a breaking one must get its refusal.
    const [target] = fuzzTargets({
      paths: {
        '/v1/invites': {
          post: { operationId: 'Invites_create', requestBody: { content: { 'application/json': { schema: invite } } } },
        },
      },
    } as unknown as ApiDocument);
    const requests = conditionRequests(document, target);
    expect(requests.map(({ expected }) => expected?.status)).toEqual([undefined, undefined, 400, 400]);
    const answer = (status: number, code: string): WireAnswer => ({
      status,
      headers: { 'content-type': 'application/problem+json' },
      text: JSON.stringify({ status, code }),
    });
    const promised = { status: 400, code: 'validation.failed' };
    expect(refusalViolations(answer(400, 'validation.failed'), promised)).toEqual([]);
    expect(refusalViolations(answer(404, 'studio.person.not-found'), promised)).toHaveLength(1);
    expect(
      refusalViolations(answer(404, 'studio.channel.not-found'), { ...promised, unlessRefusedBefore: [404] }),
    ).toEqual([]);
    expect(refusalViolations(answer(401, 'auth.unauthenticated'), promised)).toEqual([]);
    expect(refusalViolations({ status: 201, headers: {}, text: '{}' }, promised)).toEqual([
      'answered 201 undefined where the document promises 400 validation.failed',
    ]);
    expect(refusalViolations(answer(422, 'studio.invite.self'), promised)).toHaveLength(1);
  });
});
