import fc from 'fast-check';

/**
 * Hostile leaf values for the OpenAPI fuzzer (issue 17). Plain data, no schema knowledge: the request
 * generator (request-arbitrary.ts) decides where they go. Each list names a class of input that has
 * broken some web backend before.
 */

/** A value JSON cannot carry (NaN, Infinity, out-of-range literals): spliced into the body text as written. */
export class RawJson {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `${RAW_MARK}${this.text}${RAW_MARK}`;
  }
}
const RAW_MARK = '\u0001raw\u0001';

/** JSON text of `value`, with every RawJson written verbatim (not as a string). */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.includes('\\u0001raw\\u0001')
    ? text.replace(/"\\u0001raw\\u0001(.*?)\\u0001raw\\u0001"/g, (_, raw: string) => JSON.parse(`"${raw}"`))
    : text;
}

export const ONE_MB = 1024 * 1024;

/** Unicode that trips normalisation, storage, display or length checks. */
export const UNICODE_EDGES: readonly string[] = [
  '\uD800', // lone high surrogate
  'tail\uDFFF', // lone low surrogate
  'nul\u0000byte',
  '\u202Egnp.exe', // right-to-left override
  'Z' + '\u0301\u0316\u0334'.repeat(300), // combining marks stacked on one letter
  '👩🏽‍🚀👨‍👩‍👧‍👦🏳️‍🌈', // emoji with skin tones and ZWJ sequences
  '\uFEFFbom', // byte order mark
  'zero\u200Bwidth\u200D',
  'ﬁ ǅ İ ß', // case-folding and normalisation changes length
  '\u0085\u2028\u2029', // line separators JavaScript and JSON disagree about
  '\uFFFF\uFFFE', // noncharacters
  '𝕳𝖊𝖑𝖑𝖔', // astral plane letters
];

/** Unicode a well-behaved client may legitimately send (no NUL, no lone surrogates). */
export const VALID_UNICODE: readonly string[] = UNICODE_EDGES.filter(
  (text) => text.isWellFormed() && !text.includes('\u0000') && text.length < 100,
);

/** Strings that are "just text" but mean something to a parser somewhere. */
export const INJECTION_STRINGS: readonly string[] = [
  "' OR 1=1 --",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '%2e%2e%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  'null',
  'true',
  ' ',
  '\t\n\r',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 2, arbitrary: fc.constantFrom(...INJECTION_STRINGS) },
  { weight: 1, arbitrary: fc.constant('') },
  // Over the body limit once wrapped; and big enough to hurt a regex or a column.
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(ONE_MB), 'é'.repeat(70_000), 'x'.repeat(10_001)) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Numbers at the edges of int4/int8/double and of JSON itself. */
export const hostileNumber: fc.Arbitrary<number | RawJson> = fc.oneof(
  fc.constantFrom(-1, 0, -0, 1.5, -2_147_483_649, 2_147_483_648, 2 ** 53 + 1, -(2 ** 63), 1e308, 5e-324),
  fc.constantFrom(new RawJson('NaN'), new RawJson('Infinity'), new RawJson('1e400'), new RawJson('-1e400')),
  fc.constantFrom(new RawJson('123456789012345678901234567890'), new RawJson('0.1e-99999')),
  fc.double(),
  fc.integer(),
);

/** Arrays or objects nested deeper than any DTO (and than the platform's limit of 32). */
export const deeplyNested: fc.Arbitrary<unknown> = fc.constantFrom(40, 200, 2_000).map((depth) => {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
});

/** Any JSON value of the wrong kind, wherever it lands. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': '' }) },
  // Own properties named __proto__ / constructor (JSON.parse makes them; an object literal would not).
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.parse('{"__proto__":{"isAdmin":true}}') as unknown,
      JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}') as unknown,
    ),
  },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Path ids that are not the id of anything: not a uuid, the nil uuid, traversal, overflow, encodings. */
export const malformedId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
    '{6f9619ff-8b86-d011-b42d-00cf4fc964ff}',
    '6f9619ff8b86d011b42d00cf4fc964ff',
    '6f9619ff-8b86-d011-b42d-00cf4fc964ff; drop table x',
    '0',
    '-1',
    '99999999999999999999999999',
    '1.5',
    'null',
    'undefined',
    '..',
    '../..',
    '../../admin/users',
    '%2e%2e%2f',
    'a'.repeat(199),
    'a'.repeat(5_000),
    ' ',
  ),
  fc.constantFrom(...UNICODE_EDGES),
);

/** Header values Node will send (visible ASCII and Latin-1) that a server has to survive. */
export const HEADER_ODDITIES = {
  contentType: [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    'multipart/form-data; boundary=',
    'application/xml',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json;;;',
    'application/vnd.api+json',
    'application/json, text/html',
    '*/*',
    'garbage',
    '',
  ],
  accept: [
    'text/html',
    'application/xml',
    '*/*;q=0',
    'application/problem+json',
    ';;;q=abc',
    'image/*',
    'application/json;q=2.5, text/*;q=-1',
    'x'.repeat(8_000),
  ],
  value: ['', ' ', '-1', '0', 'NaN', '1e400', '99999999999999999999999', 'é', 'a'.repeat(8_000), '%00', '../..'],
} as const;

/** Request bodies that are not what Content-Type says. */
export const MALFORMED_BODIES: readonly string[] = [
  '{',
  '{"a":',
  '[1,2',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  '\uFEFF{}',
  '{"a":1}{"b":2}',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"a":1,"a":{"b":2}}',
  'NaN',
  '1e400',
  '"just a string"',
  'null',
  '[]',
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
];
