import { findHostileInput, findHostileRequestInput, hostileInputProblem, MAX_INPUT_DEPTH } from './hostile-input.js';

const LONE_SURROGATE = '\ud800';

function nested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

describe('finding hostile text and nesting in client input', () => {
  it('passes ordinary input, including emoji, accents and every other control character', () => {
    expect(
      findHostileInput({ name: 'Ünïcödé 🎬', tags: ['a', 'b'], n: 3, ok: true, none: null, tab: '\t\u0001\u007f' }),
    ).toBeUndefined();
    expect(findHostileInput('plain')).toBeUndefined();
    expect(findHostileInput(undefined)).toBeUndefined();
    expect(findHostileInput(nested(MAX_INPUT_DEPTH))).toBeUndefined();
  });

  it('names each value holding a NUL byte or a lone surrogate by its dotted path', () => {
    const found = findHostileInput({
      name: `a\u0000b`,
      items: [{ id: 'ok' }, { id: `x${LONE_SURROGATE}` }],
      low: '\udc00',
      pair: '\ud83c\udfac',
    });
    expect(found).toEqual({
      kind: 'bad-text',
      fields: expect.arrayContaining([
        { field: 'name', messages: ['name must not contain NUL characters (U+0000)'] },
        { field: 'items.1.id', messages: ['items.1.id must be well-formed Unicode (no lone surrogates)'] },
        { field: 'low', messages: ['low must be well-formed Unicode (no lone surrogates)'] },
      ]),
    });
    expect(found?.kind === 'bad-text' && found.fields).toHaveLength(3);
  });

  it('checks property names too, and echoes them without the refused characters', () => {
    const found = findHostileInput({ properties: { [`k\u0000${LONE_SURROGATE}`]: 1 } });
    expect(found).toEqual({
      kind: 'bad-text',
      fields: [
        {
          field: 'properties.k\ufffd\ufffd',
          messages: [
            'property name properties.k\ufffd\ufffd must not contain NUL characters (U+0000)',
            'property name properties.k\ufffd\ufffd must be well-formed Unicode (no lone surrogates)',
          ],
        },
      ],
    });
  });

  it('refuses nesting past the limit without recursing, even 100,000 levels deep', () => {
    expect(findHostileInput(nested(MAX_INPUT_DEPTH + 1))).toMatchObject({
      kind: 'too-deep',
      maxDepth: MAX_INPUT_DEPTH,
    });
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(findHostileInput({ events: deep })).toMatchObject({
      kind: 'too-deep',
      field: expect.stringMatching(/^events(\.0)+$/),
    });
  });

  it('enters null-prototype dictionaries, as Fastify parses query strings and params', () => {
    const Dictionary = function () {} as unknown as { new (): Record<string, unknown>; prototype: object };
    Dictionary.prototype = Object.create(null);
    const query = new Dictionary();
    query.q = '\u0000';
    expect(findHostileInput(query)).toMatchObject({ kind: 'bad-text', fields: [{ field: 'q' }] });
    expect(findHostileInput(Object.assign(Object.create(null), { id: '\u0000' }))).toMatchObject({ kind: 'bad-text' });
  });

  it('does not enter buffers or class instances (uploads, streams)', () => {
    expect(findHostileInput(Buffer.from([0, 0xff]))).toBeUndefined();
    expect(findHostileInput({ file: Buffer.from([0]), when: new Date(0) })).toBeUndefined();
  });

  it('names at most 20 fields however many are bad', () => {
    const found = findHostileInput(Array.from({ length: 1_000 }, () => '\u0000'));
    expect(found?.kind === 'bad-text' && found.fields).toHaveLength(20);
  });

  it('merges params, query and body of one request into one answer', () => {
    const found = findHostileRequestInput([{ id: '\u0000' }, { q: ['ok', LONE_SURROGATE] }, { name: 'fine' }]);
    expect(found).toEqual({
      kind: 'bad-text',
      fields: [expect.objectContaining({ field: 'id' }), expect.objectContaining({ field: 'q.1' })],
    });
  });

  it('answers with the validation.failed shape, or validation.too-deep with the limit', () => {
    expect(
      hostileInputProblem({
        kind: 'bad-text',
        fields: [{ field: 'name', messages: ['name must not contain NUL characters (U+0000)'] }],
      }),
    ).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation.failed',
      detail: 'name must not contain NUL characters (U+0000)',
      errors: [{ field: 'name', messages: ['name must not contain NUL characters (U+0000)'] }],
    });
    expect(hostileInputProblem({ kind: 'too-deep', field: 'a.0.a', maxDepth: 32 })).toMatchObject({
      status: 400,
      code: 'validation.too-deep',
      field: 'a.0.a',
      maxDepth: 32,
    });
  });
});
