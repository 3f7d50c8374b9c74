import fc from 'fast-check';
import { HTTP_METHODS, resolve, type ApiDocument } from '../api-sweep.js';
import {
  deeplyNested,
  HEADER_ODDITIES,
  hostileNumber,
  hostileString,
  hostileValue,
  malformedId,
  MALFORMED_BODIES,
  ONE_MB,
  RawJson,
  VALID_UNICODE,
  toJsonText,
} from './hostile-values.js';

type Schema = Record<string, any>;

/** One request as it goes on the wire (the caller adds the Authorization header). */
export interface FuzzRequest {
  method: string;
  /** Path and query string, percent-encoded as sent. */
  url: string;
  headers: Record<string, string | string[]>;
  body?: string;
  /** What differs from a plain valid request, e.g. `body.title: hostile`, for the report. */
  mutations: string[];
  /** The refusal the document promises for this request (a body breaking its `oneOf` conditions), if any. */
  expected?: ExpectedRefusal;
  /** `other`: sent by another signed-in person, with the fuzzing identity's ids (randomised BOLA). */
  sender?: 'other';
}

/** A documented refusal: the status and problem code a request must get (ADR 0059). */
export interface ExpectedRefusal {
  status: number;
  code: string;
  /** Statuses that may come first, before the body is judged (a guard's 404 for a path id of nothing). */
  unlessRefusedBefore?: readonly number[];
}

/** What a guard answers for a path id it cannot find or may not touch, before any body validation. */
const PATH_LOOKUP_REFUSALS = [403, 404] as const;

/** What the validator answers a body whose fields break a documented `oneOf` condition. */
export const CONDITION_REFUSAL: ExpectedRefusal = { status: 400, code: 'validation.failed' };

/** Known-good values for body and payload fields, by property name (e.g. a real `conversationId`). */
export type ValueFixtures = Record<string, readonly string[]>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

/** An operation of the OpenAPI document with everything the generator reads. */
export interface FuzzTarget {
  method: string;
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** The JSON body schema, when the operation documents one. */
  jsonBody?: Schema;
  /** Whether the operation is gated by a role (fuzzed as an admin) or not (as a member). */
  roles: string[];
  /** The `x-access` audience: `public`, `authenticated` or `roles`. */
  audience: string;
}

/** Every operation of the document, in document order; one without a schema is still a target. */
export function fuzzTargets(document: ApiDocument): FuzzTarget[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (HTTP_METHODS as readonly string[]).includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operationId: String(operation.operationId),
        parameters: ((operation.parameters ?? []) as Schema[])
          .map((parameter) => resolve(document, parameter))
          .filter((parameter) => ['path', 'query', 'header'].includes(parameter.in))
          .map((parameter) => ({
            name: String(parameter.name),
            in: parameter.in,
            required: Boolean(parameter.required),
            schema: resolve(document, parameter.schema ?? {}) ?? {},
          })),
        jsonBody: operation.requestBody?.content?.['application/json']?.schema,
        roles: (operation['x-access']?.roles as string[] | undefined) ?? [],
        audience: String(operation['x-access']?.audience ?? 'authenticated'),
      })),
  );
}

/**
 * Known-good values for path parameters (the fuzzing identity's own fixtures), by `segment/{name}`
 * (e.g. `playlists/{id}`, the segment before the parameter) or else by name (`channelId`).
 */
export type PathFixtures = Record<string, readonly string[]>;

const NAMED_PATH_VALUES: Record<string, string[]> = {
  language: ['en', 'pt-BR'],
  tag: ['music'],
  file: ['en.vtt'],
  path: ['master.m3u8'],
  action: ['cancel'],
  queueName: ['media'],
  queueStatus: ['failed'],
  jobId: ['1'],
  schedulerId: ['fuzz'],
};

/** Percent-encodes any JS string, lone surrogates included (as the WTF-8 bytes a sloppy client sends). */
export function percentEncode(text: string): string {
  if (text.isWellFormed()) return encodeURIComponent(text);
  let out = '';
  for (const char of text) {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff)
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(char);
  }
  return out;
}

/**
 * A value that fits the schema's shape: what a well-behaved client would send. Object fields named in
 * `fixtures` mostly take one of its real values (a conversation the sender belongs to), so the request
 * gets past the handler's lookups.
 */
export function validOf(
  document: ApiDocument,
  schema: Schema | undefined,
  depth = 0,
  fixtures: ValueFixtures = {},
): fc.Arbitrary<unknown> {
  const target = schema ? resolve(document, schema) : undefined;
  if (!target || depth > 6) return fc.constant('x');
  if (target.enum?.length) return fc.constantFrom(...(target.enum as unknown[]));
  // An object with conditions between its fields (`oneOf` required-sets) is built from its properties.
  if (target.allOf?.length || (target.properties && target.oneOf?.length))
    return objectOf(document, target, depth, fixtures);
  if (target.oneOf?.length || target.anyOf?.length)
    return fc.oneof(
      ...((target.oneOf ?? target.anyOf) as Schema[]).map((part) => validOf(document, part, depth + 1, fixtures)),
    );
  const example = target.example !== undefined ? [fc.constant(target.example as unknown)] : [];
  switch (target.type) {
    case 'string':
      return fc.oneof(...example, stringOf(target));
    case 'integer':
    case 'number': {
      const min = Number(
        target.minimum ?? (typeof target.exclusiveMinimum === 'number' ? target.exclusiveMinimum + 1 : -1_000),
      );
      const max = Number(target.maximum ?? Math.max(min, 0) + 1_000);
      return fc.oneof(...example, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validOf(document, target.items, depth + 1, fixtures), {
        minLength: Number(target.minItems ?? 0),
        maxLength: Math.max(Number(target.minItems ?? 0), Math.min(Number(target.maxItems ?? 3), 3)),
      });
    default:
      return target.properties ? objectOf(document, target, depth, fixtures) : fc.oneof(...example, fc.constant({}));
  }
}

function stringOf(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'uri':
    case 'url':
      return fc.webUrl();
  }
  const minLength = Number(schema.minLength ?? 1);
  const maxLength = Math.max(minLength, Math.min(Number(schema.maxLength ?? 24), 24));
  const pattern = patternOf(schema);
  const fits = (text: string) =>
    validatorLength(text) >= minLength && validatorLength(text) <= Number(schema.maxLength ?? Infinity);
  if (pattern) return fc.stringMatching(pattern).filter(fits);
  // Valid text is not only ASCII: emoji, right-to-left, combining marks and zero-width characters are legal input.
  return fc
    .oneof(
      fc.string({ minLength, maxLength }),
      fc.string({ minLength, maxLength, unit: 'grapheme' }),
      fc
        .constantFrom(...VALID_UNICODE)
        .map((text) => text.slice(0, maxLength).padEnd(minLength, 'x'))
        .filter((text) => text.isWellFormed()),
    )
    .filter(fits);
}

/** Length as class-validator's MinLength/MaxLength count it (validator.js: surrogate pairs and variation selectors once). */
function validatorLength(text: string): number {
  return (
    text.length -
    (text.match(/[\uFE0E\uFE0F]/g)?.length ?? 0) -
    (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0)
  );
}

/** The schema's `pattern` as a RegExp (flag-free, as the document states it), or undefined. */
function patternOf(schema: Schema): RegExp | undefined {
  if (typeof schema.pattern !== 'string') return undefined;
  try {
    return new RegExp(schema.pattern);
  } catch {
    return undefined;
  }
}

/**
 * Values that break exactly one of the schema's documented constraints (the class-validator rules the
 * document carries, ADR 0053): a malformed uuid, one character too short or too long, outside the
 * enum or the pattern, one past a bound, a fraction for an integer, one item too few or too many.
 * Null when the schema states none: the generic hostile values cover it.
 */
export function invalidOf(document: ApiDocument, schema: Schema | undefined): fc.Arbitrary<unknown> | null {
  const target = schema ? resolve(document, schema) : undefined;
  if (!target) return null;
  const broken: fc.Arbitrary<unknown>[] = [];
  if (target.format === 'uuid') broken.push(malformedId);
  if (target.format === 'email') broken.push(fc.constantFrom('not-an-email', 'a@', '@b.example', 'a b@c.example'));
  if (target.format === 'date-time') broken.push(fc.constantFrom('2026-13-40T25:61:00Z', 'yesterday', '0'));
  if (typeof target.minLength === 'number' && target.minLength > 0)
    broken.push(fc.constant('x'.repeat(target.minLength - 1)));
  if (typeof target.maxLength === 'number') broken.push(fc.constant('x'.repeat(target.maxLength + 1)));
  const pattern = patternOf(target);
  const misses = pattern ? ['', ' ', '!@#', '\u{1F600}', 'x'.repeat(300)].filter((text) => !pattern.test(text)) : [];
  if (misses.length) broken.push(fc.constantFrom(...misses));
  const outside = target.enum?.length
    ? ['not-in-enum', '', `${String(target.enum[0]).toUpperCase()}_`].filter(
        (value) => !(target.enum as unknown[]).includes(value),
      )
    : [];
  if (outside.length) broken.push(fc.constantFrom(...outside));
  if (typeof target.minimum === 'number') broken.push(fc.constant(target.minimum - 1));
  if (typeof target.exclusiveMinimum === 'number') broken.push(fc.constant(target.exclusiveMinimum));
  if (typeof target.maximum === 'number') broken.push(fc.constant(target.maximum + 1));
  if (target.type === 'integer') broken.push(fc.constant(1.5));
  if (typeof target.minItems === 'number' && target.minItems > 0)
    broken.push(
      fc.array(validOf(document, target.items), { minLength: target.minItems - 1, maxLength: target.minItems - 1 }),
    );
  if (typeof target.maxItems === 'number' && target.maxItems <= 1_000)
    broken.push(
      fc.array(validOf(document, target.items), { minLength: target.maxItems + 1, maxLength: target.maxItems + 1 }),
    );
  return broken.length ? fc.oneof(...broken) : null;
}

interface Shape {
  properties: Record<string, Schema>;
  required: string[];
  /** The object's `oneOf` sets (its own and those in `allOf`): exactly one branch of each must hold. */
  variants: Schema[][];
}

/** A `oneOf` written for conditions between fields (ADR 0059): inline branches that each require fields; not a union of models. */
const isConditionSet = (oneOf: unknown): oneOf is Schema[] =>
  Array.isArray(oneOf) &&
  oneOf.length > 0 &&
  oneOf.every(
    (branch: Schema) => branch.$ref === undefined && Array.isArray(branch.required) && branch.required.length > 0,
  );

/** name → schema of every property an object declares (allOf merged), its required names and its `oneOf` sets. */
function shapeOf(document: ApiDocument, schema: Schema): Shape {
  const target = resolve(document, schema) ?? {};
  const properties: Record<string, Schema> = { ...(target.properties ?? {}) };
  const required: string[] = [...(target.required ?? [])];
  const variants: Schema[][] = [];
  if (target.properties && isConditionSet(target.oneOf)) variants.push(target.oneOf);
  for (const part of target.allOf ?? []) {
    const inner = shapeOf(document, part);
    Object.assign(properties, inner.properties);
    required.push(...inner.required);
    variants.push(...inner.variants);
    const resolved = resolve(document, part) ?? {};
    if (!resolved.properties && isConditionSet(resolved.oneOf)) variants.push(resolved.oneOf);
  }
  return { properties, required, variants };
}

/** A branch's own fields: those it requires beyond what the object always requires. */
const ownFields = (branch: Schema, required: string[]): string[] =>
  ((branch.required ?? []) as string[]).filter((name) => !required.includes(name));

function objectOf(
  document: ApiDocument,
  schema: Schema,
  depth: number,
  fixtures: ValueFixtures = {},
): fc.Arbitrary<Record<string, unknown>> {
  const { properties, required, variants } = shapeOf(document, schema);
  const model = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => {
      const valid = validOf(document, property, depth + 1, fixtures);
      const known = fixtures[name] ?? [];
      return [
        name,
        known.length
          ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: valid })
          : valid,
      ];
    }),
  );
  const record = fc.record(model, { requiredKeys: required.filter((name) => name in model) });
  if (!variants.length) return record;
  // One branch of each `oneOf` set: its fields given, the other branches' own fields left out.
  const chosen = variants.map((set) =>
    fc.nat({ max: set.length - 1 }).chain((index) => validOf(document, set[index], depth + 1, fixtures)),
  );
  return fc.tuple(record, ...chosen).map(([base, ...picks]) => {
    const out: Record<string, unknown> = { ...base };
    picks.forEach((value, set) => {
      for (const branch of variants[set]) for (const name of ownFields(branch, required)) delete out[name];
      Object.assign(out, value as Record<string, unknown>);
    });
    return out;
  });
}

type ConditionBody = fc.Arbitrary<{ value: Record<string, unknown>; mutation: string; expected?: ExpectedRefusal }>;
/** One way of meeting or breaking a condition; `refused` when it breaks it. */
export interface ConditionCase {
  refused: boolean;
  arbitrary: ConditionBody;
}

/**
 * Bodies for each documented `oneOf` condition of an object (ADR 0059): every branch on its own (valid,
 * no `expected`), and the combinations that break it, each with the refusal it must get: for
 * alternatives (branches sharing no required field) both given together and none given; for variants
 * keyed by a field (`kind`), each variant without one of the fields it requires. Empty without conditions.
 */
export function conditionCases(
  document: ApiDocument,
  schema: Schema | undefined,
  fixtures: ValueFixtures = {},
): ConditionCase[] {
  if (!schema) return [];
  const { required, variants } = shapeOf(document, schema);
  const base = objectOf(document, schema, 0, fixtures);
  const cases: ConditionCase[] = [];
  for (const set of variants) {
    const own = set.map((branch) => ownFields(branch, required));
    const names = own.flat();
    const without = (value: Record<string, unknown>) => {
      const rest = { ...value };
      for (const name of names) delete rest[name];
      return rest;
    };
    for (const branch of set)
      cases.push({
        refused: false,
        arbitrary: fc.tuple(base, validOf(document, branch, 1, fixtures)).map(([value, part]) => ({
          value: { ...without(value), ...(part as Record<string, unknown>) },
          mutation: `body: variant ${(branch.required as string[]).join(', ')}`,
        })),
      });
    const keyed = ((set[0]?.required ?? []) as string[]).filter((name) =>
      set.every((branch) => (branch.required ?? []).includes(name)),
    );
    if (!keyed.length) {
      cases.push(
        {
          refused: true,
          arbitrary: fc
            .tuple(base, ...set.map((branch) => validOf(document, branch, 1, fixtures)))
            .map(([value, ...parts]) => ({
              value: Object.assign({ ...value }, ...(parts as Record<string, unknown>[])) as Record<string, unknown>,
              mutation: `body: ${names.join(' and ')} together`,
              expected: CONDITION_REFUSAL,
            })),
        },
        {
          refused: true,
          arbitrary: base.map((value) => ({
            value: without(value),
            mutation: `body: none of ${names.join(', ')}`,
            expected: CONDITION_REFUSAL,
          })),
        },
      );
      continue;
    }
    set.forEach((branch, index) => {
      for (const missing of own[index])
        cases.push({
          refused: true,
          arbitrary: fc.tuple(base, validOf(document, branch, 1, fixtures)).map(([value, part]) => {
            const broken: Record<string, unknown> = { ...without(value), ...(part as Record<string, unknown>) };
            delete broken[missing];
            const key = keyed.map((name) => `${name} ${JSON.stringify(broken[name])}`).join(', ');
            return { value: broken, mutation: `body: ${key} without ${missing}`, expected: CONDITION_REFUSAL };
          }),
        });
    });
  }
  return cases;
}

/** The combinations of `conditionCases` that break a condition, as one arbitrary; null without conditions. */
export function conditionViolations(
  document: ApiDocument,
  schema: Schema | undefined,
  fixtures: ValueFixtures = {},
): ConditionBody | null {
  const broken = conditionCases(document, schema, fixtures)
    .filter(({ refused }) => refused)
    .map(({ arbitrary }) => arbitrary);
  return broken.length ? fc.oneof(...broken) : null;
}

/** A body that is valid JSON of the right shape but with one hostile change (the mutation is named). */
function mutatedBody(
  document: ApiDocument,
  schema: Schema,
  values: ValueFixtures,
): fc.Arbitrary<{ value: unknown; mutation: string; expected?: ExpectedRefusal }> {
  const { properties, required } = shapeOf(document, schema);
  const names = Object.keys(properties);
  const conditions = conditionViolations(document, schema, values);
  return validOf(document, schema, 0, values).chain((valid) => {
    const base = valid && typeof valid === 'object' && !Array.isArray(valid) ? (valid as Record<string, unknown>) : {};
    type Mutated = { value: unknown; mutation: string; expected?: ExpectedRefusal };
    const options: fc.WeightedArbitrary<Mutated>[] = [
      {
        weight: 1,
        arbitrary: hostileValue.map((value) => ({ value, mutation: 'body: replaced by a hostile value' })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom('unexpected', 'isAdmin', '', 'a'.repeat(300), '\uD800', 'nul\u0000', '__proto__'),
            hostileValue,
          )
          .map(([name, value]) => ({
            value: { ...base, [name]: value },
            mutation: `body: extra field ${JSON.stringify(name.slice(0, 20))}`,
          })),
      },
    ];
    // One declared field just outside its documented constraints: the validator's edge, not a wild value.
    const breakable = names.flatMap((name) => {
      const invalid = invalidOf(document, properties[name]);
      return invalid
        ? [invalid.map((value) => ({ value: { ...base, [name]: value }, mutation: `body.${name}: breaks its schema` }))]
        : [];
    });
    if (breakable.length) options.push({ weight: 3, arbitrary: fc.oneof(...breakable) });
    // Fields that break a documented condition together (both alternatives, neither, a variant's field missing).
    if (conditions) options.push({ weight: 3, arbitrary: conditions });
    // One declared field hostile, the rest valid: the case that reaches a handler most often.
    if (names.length)
      options.push(
        {
          weight: 4,
          arbitrary: fc.tuple(fc.constantFrom(...names), hostileValue).map(([name, value]) => ({
            value: { ...base, [name]: value },
            mutation: `body.${name}: hostile value`,
          })),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.constantFrom(...names), fc.oneof(hostileString, hostileNumber, deeplyNested))
            .map(([name, value]) => ({
              value: { ...base, [name]: Array.isArray(base[name]) ? [value] : { nested: value } },
              mutation: `body.${name}: wrapped hostile value`,
            })),
        },
      );
    if (required.length)
      options.push({
        weight: 1,
        arbitrary: fc.constantFrom(...required).map((name) => {
          const { [name]: _dropped, ...rest } = base;
          return { value: rest, mutation: `body: required ${name} missing` };
        }),
      });
    return fc.oneof(...options);
  });
}

interface Part {
  mutations: string[];
}

/** The body and its Content-Type (absent on GET and HEAD). */
function bodyOf(
  document: ApiDocument,
  target: FuzzTarget,
  validOnly: boolean,
  values: ValueFixtures,
): fc.Arbitrary<Part & { body?: string; contentType?: string | string[]; expected?: ExpectedRefusal }> {
  if (target.method === 'GET' || target.method === 'HEAD') return fc.constant({ mutations: [] });
  const json = (value: unknown) => toJsonText(value);
  if (validOnly)
    return target.jsonBody
      ? validOf(document, target.jsonBody, 0, values).map((value) => ({
          body: json(value),
          contentType: 'application/json',
          mutations: [],
        }))
      : fc.constant({ mutations: [] });
  const bodies: fc.Arbitrary<Part & { body?: string; expected?: ExpectedRefusal }>[] = [
    fc.constantFrom(...MALFORMED_BODIES).map((body) => ({ body, mutations: ['body: malformed JSON'] })),
    fc.constant({ body: json({ blob: 'a'.repeat(ONE_MB + 1) }), mutations: ['body: over 1 MB'] }),
  ];
  if (target.jsonBody) {
    bodies.push(
      validOf(document, target.jsonBody, 0, values).map((value) => ({ body: json(value), mutations: [] })),
      mutatedBody(document, target.jsonBody, values).map(({ value, mutation, expected }) => ({
        body: json(value),
        mutations: [mutation],
        expected,
      })),
      mutatedBody(document, target.jsonBody, values).map(({ value, mutation, expected }) => ({
        body: json(value),
        mutations: [mutation],
        expected,
      })),
    );
  } else {
    // No documented body: whatever arrives must still be refused or ignored cleanly.
    bodies.push(
      fc.constant({ mutations: [] }),
      hostileValue.map((value) => ({ body: json(value), mutations: ['body: unexpected body'] })),
    );
  }
  const contentType = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constant<{ value?: string | string[]; mutation?: string }>({ value: 'application/json' }),
    },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...HEADER_ODDITIES.contentType)
        .map((value) => ({ value, mutation: `content-type: ${JSON.stringify(value)}` })),
    },
    { weight: 1, arbitrary: fc.constant({ value: undefined, mutation: 'content-type: absent' }) },
    {
      weight: 1,
      arbitrary: fc.constant({
        value: ['application/json', 'text/plain'] as string[],
        mutation: 'content-type: sent twice',
      }),
    },
  );
  return fc.tuple(fc.oneof(...bodies), contentType).map(([part, type]) => ({
    body: part.body,
    contentType: part.body === undefined ? undefined : type.value,
    mutations: [...part.mutations, ...(part.body !== undefined && type.mutation ? [type.mutation] : [])],
    // The promised refusal holds only for a JSON body: another content type is refused before validation.
    ...(part.expected && !type.mutation ? { expected: part.expected } : {}),
  }));
}

/** The known values of each path placeholder (fixtures, then fixed names); empty where none is known. */
function knownPathValues(target: FuzzTarget, fixtures: PathFixtures): { name: string; known: string[] }[] {
  return [...target.path.matchAll(/([^/]*)\/\{([^}]+)\}/g)].map(([, segment, name]) => ({
    name,
    known: [...(fixtures[`${segment}/{${name}}`] ?? fixtures[name] ?? []), ...(NAMED_PATH_VALUES[name] ?? [])],
  }));
}

function pathOf(
  target: FuzzTarget,
  fixtures: PathFixtures,
  validOnly: boolean,
  knownOnly = false,
): fc.Arbitrary<Part & { path: string }> {
  const values = knownPathValues(target, fixtures).map(({ name, known }) => {
    // Mostly a real id (reaches the handler past its lookup), sometimes a well-formed id of nothing.
    const valid: fc.Arbitrary<string> = !known.length
      ? fc.uuid()
      : knownOnly
        ? fc.constantFrom(...known)
        : fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.uuid() });
    const wellFormed = valid.map((value) => ({
      text: percentEncode(value),
      mutation: undefined as string | undefined,
    }));
    if (validOnly) return wellFormed;
    return fc.oneof(
      { weight: 3, arbitrary: wellFormed },
      {
        weight: 2,
        arbitrary: malformedId.map((value) => ({
          text: percentEncode(value),
          mutation: `path.${name}: ${JSON.stringify(value.slice(0, 40))}`,
        })),
      },
      {
        weight: 1,
        // Unencoded traversal: the router, not the handler, must make sense of it.
        arbitrary: fc.constantFrom('..', '../..', '.', '%2e%2e', '..%2f..%2fadmin').map((value) => ({
          text: value,
          mutation: `path.${name}: raw ${value}`,
        })),
      },
    );
  });
  return fc.tuple(...values).map((filled) => {
    let index = 0;
    const path = target.path.replace(/\{[^}]+\}/g, () => filled[index++].text);
    return { path, mutations: filled.flatMap(({ mutation }) => (mutation ? [mutation] : [])) };
  });
}

const asQueryText = (value: unknown): string =>
  typeof value === 'string' ? value : value instanceof RawJson ? value.text : toJsonText(value);

function queryOf(
  document: ApiDocument,
  target: FuzzTarget,
  validOnly: boolean,
): fc.Arbitrary<Part & { query: string }> {
  const parameters = target.parameters.filter((parameter) => parameter.in === 'query');
  type Pairs = [string, string, string?][];
  const each = parameters.map((parameter) => {
    const omitted = fc.constant([] as Pairs);
    const valid = validOf(document, parameter.schema).map((value) => [[parameter.name, asQueryText(value)]] as Pairs);
    if (validOnly) return fc.oneof(omitted, valid);
    const invalid = invalidOf(document, parameter.schema);
    return fc.oneof(
      ...(invalid
        ? [
            {
              weight: 2,
              arbitrary: invalid.map(
                (value) =>
                  [[parameter.name, asQueryText(value), `query.${parameter.name}: breaks its schema`]] as Pairs,
              ),
            },
          ]
        : []),
      { weight: 2, arbitrary: omitted },
      { weight: 3, arbitrary: valid },
      {
        weight: 3,
        arbitrary: hostileValue.map(
          (value) =>
            [[parameter.name, asQueryText(value).slice(0, 20_000), `query.${parameter.name}: hostile`]] as Pairs,
        ),
      },
      {
        weight: 1,
        // Repeated parameters arrive as an array where the handler expects a string.
        arbitrary: fc.constant([
          [parameter.name, '1'],
          [parameter.name, '2', `query.${parameter.name}: repeated`],
        ] as Pairs),
      },
    );
  });
  const extra = validOnly
    ? fc.constant(null)
    : fc.option(
        fc.constantFrom(
          ['__proto__[isAdmin]', 'true'],
          ['constructor[prototype][isAdmin]', 'true'],
          ['unexpected', 'x'],
          ['', ''],
          ['a[]', '1'],
          ['limit', '-1'],
          ['\uD800', 'x'],
        ),
        { freq: 3 },
      );
  return fc.tuple(fc.tuple(...each), extra).map(([pairs, added]) => {
    const all = pairs.flat();
    if (added) all.push([added[0], added[1], `query: extra ${JSON.stringify(added[0])}`]);
    return {
      query: all.length
        ? `?${all.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&')}`
        : '',
      mutations: all.flatMap(([, , mutation]) => (mutation ? [mutation] : [])),
    };
  });
}

function headersOf(
  document: ApiDocument,
  target: FuzzTarget,
  validOnly: boolean,
): fc.Arbitrary<Part & { headers: Record<string, string | string[]> }> {
  const documented = target.parameters
    .filter((parameter) => parameter.in === 'header')
    .map((parameter) => {
      const valid = validOf(document, parameter.schema).map((value) => ({
        name: parameter.name,
        value: latin1(asQueryText(value)),
        mutation: undefined as string | undefined,
      }));
      if (validOnly) return valid;
      return fc.oneof(
        valid,
        fc.constantFrom(...HEADER_ODDITIES.value).map((value) => ({
          name: parameter.name,
          value,
          mutation: `header ${parameter.name}: ${JSON.stringify(value.slice(0, 20))}`,
        })),
        fc.constant({
          name: parameter.name,
          value: undefined as string | undefined,
          mutation: `header ${parameter.name}: absent`,
        }),
      );
    });
  const none = { value: undefined as string | string[] | undefined, mutation: undefined as string | undefined };
  const accept = validOnly
    ? fc.constant(none)
    : fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constant({
            value: undefined as string | string[] | undefined,
            mutation: undefined as string | undefined,
          }),
        },
        {
          weight: 2,
          arbitrary: fc
            .constantFrom(...HEADER_ODDITIES.accept)
            .map((value) => ({ value, mutation: `accept: ${JSON.stringify(value.slice(0, 40))}` })),
        },
        {
          weight: 1,
          arbitrary: fc.constant({
            value: ['application/json', 'text/html'] as string[],
            mutation: 'accept: sent twice',
          }),
        },
      );
  return fc.tuple(fc.tuple(...documented), accept).map(([values, acceptValue]) => {
    const headers: Record<string, string | string[]> = {};
    const mutations: string[] = [];
    for (const { name, value, mutation } of values) {
      if (value !== undefined) headers[name.toLowerCase()] = value;
      if (mutation) mutations.push(mutation);
    }
    if (acceptValue.value !== undefined) headers.accept = acceptValue.value;
    if (acceptValue.mutation) mutations.push(acceptValue.mutation);
    return { headers, mutations };
  });
}

/** Header values Node accepts: a generated value outside Latin-1 is sent percent-encoded. */
const latin1 = (value: string) => (/^[\t\x20-\x7e\x80-\xff]*$/.test(value) ? value : percentEncode(value));

/** What a request may be built from besides the document: real ids, and whether another person may send it. */
export interface RequestOptions {
  /** Known-good body field values by property name (`videoId`, `commentId`…): used three times in four. */
  values?: ValueFixtures;
  /** One request in three is sent by another signed-in person, with the fuzzing identity's ids. */
  byOther?: boolean;
}

/**
 * Requests for one operation. A request is valid-looking throughout, or hostile in exactly one part
 * (path ids, query, documented headers and Accept, or body and its Content-Type) with the others
 * valid, so the hostile part reaches the code behind the others' checks; or hostile anywhere at once.
 */
export function requestArbitrary(
  document: ApiDocument,
  target: FuzzTarget,
  fixtures: PathFixtures = {},
  { values = {}, byOther = false }: RequestOptions = {},
): fc.Arbitrary<FuzzRequest> {
  const parts = (validOnly: boolean) => ({
    path: pathOf(target, fixtures, validOnly),
    query: queryOf(document, target, validOnly),
    headers: headersOf(document, target, validOnly),
    body: bodyOf(document, target, validOnly, values),
  });
  const valid = parts(true);
  const mixed = parts(false);
  const hostile = {
    path: mixed.path.filter(({ mutations }) => mutations.length > 0),
    query: mixed.query.filter(({ mutations }) => mutations.length > 0),
    headers: mixed.headers.filter(({ mutations }) => mutations.length > 0),
    body: mixed.body.filter(({ mutations }) => mutations.length > 0),
  };
  const canBeHostile = (['path', 'query', 'headers', 'body'] as const).filter(
    (part) =>
      (part !== 'path' || target.path.includes('{')) && (part !== 'body' || !['GET', 'HEAD'].includes(target.method)),
  );
  const build = (chosen: { [K in keyof typeof valid]: (typeof valid)[K] }) =>
    fc.tuple(chosen.path, chosen.query, chosen.headers, chosen.body).map(([path, query, headers, body]) => ({
      method: target.method,
      url: `${path.path}${query.query}`,
      headers:
        body.contentType === undefined ? headers.headers : { ...headers.headers, 'content-type': body.contentType },
      ...(body.body === undefined ? {} : { body: body.body }),
      mutations: [...path.mutations, ...query.mutations, ...headers.mutations, ...body.mutations],
      // Another hostile part may be refused first, for its own reason: the promise holds for the body alone,
      // and a path id of nothing may be refused by a guard before the body is validated.
      ...(body.expected && !path.mutations.length && !query.mutations.length && !headers.mutations.length
        ? { expected: { ...body.expected, unlessRefusedBefore: PATH_LOOKUP_REFUSALS } }
        : {}),
    }));
  const requests = fc.oneof(
    { weight: 2, arbitrary: build(valid) },
    {
      weight: 6,
      arbitrary: fc.constantFrom(...canBeHostile).chain((part) => build({ ...valid, [part]: hostile[part] })),
    },
    { weight: 2, arbitrary: build(mixed) },
  );
  if (!byOther) return requests;
  return fc.oneof(
    { weight: 2, arbitrary: requests },
    {
      weight: 1,
      arbitrary: requests.map((request): FuzzRequest => ({
        ...request,
        sender: 'other',
        mutations: [...request.mutations, 'sent by another person with the owner’s ids'],
      })),
    },
  );
}

/**
 * One request per way of meeting or breaking the body's documented conditions (`conditionCases`), the
 * other parts valid, with the refusal a breaking one must get: run first on every operation that has
 * conditions, so each alternative and each violating combination is sent whatever the budget.
 */
export function conditionRequests(
  document: ApiDocument,
  target: FuzzTarget,
  fixtures: PathFixtures = {},
  seed = 0,
  values: ValueFixtures = {},
): FuzzRequest[] {
  if (!target.jsonBody || target.method === 'GET' || target.method === 'HEAD') return [];
  // Real path ids where the fuzzing identity has them: then nothing may answer before body validation.
  const allKnown = knownPathValues(target, fixtures).every(({ known }) => known.length);
  return conditionCases(document, target.jsonBody, values).map(({ arbitrary }, index) => {
    const request = fc.tuple(
      pathOf(target, fixtures, true, true),
      queryOf(document, target, true),
      headersOf(document, target, true),
      arbitrary,
    );
    const [[path, query, headers, body]] = fc.sample(request, { seed: seed + index, numRuns: 1 });
    return {
      method: target.method,
      url: `${path.path}${query.query}`,
      headers: { ...headers.headers, 'content-type': 'application/json' },
      body: toJsonText(body.value),
      mutations: [body.mutation],
      ...(body.expected
        ? { expected: allKnown ? body.expected : { ...body.expected, unlessRefusedBefore: PATH_LOOKUP_REFUSALS } }
        : {}),
    };
  });
}
