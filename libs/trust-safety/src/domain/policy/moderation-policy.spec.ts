import { DEFAULT_POLICY, decide, hostMatches, parsePolicyDocument } from './moderation-policy.js';
import { PolicyInvalidError } from './moderation-policy.errors.js';

const problemsOf = (input: unknown) => {
  try {
    parsePolicyDocument(input);
  } catch (error) {
    if (error instanceof PolicyInvalidError) return error.problems;
    throw error;
  }
  throw new Error('the document was accepted');
};

describe('the moderation policy', () => {
  it('holds a direct message with profanity and refuses one with a slur', () => {
    const profanity = [{ signal: 'profanity', score: 1 }];
    expect(decide(DEFAULT_POLICY, 'message', profanity)).toEqual({ action: 'hold', rule: 'message.profanity' });
    const both = [...profanity, { signal: 'slur', score: 1 }];
    expect(decide(DEFAULT_POLICY, 'message', both)).toEqual({ action: 'refuse', rule: 'message.slur' });
  });

  it('refuses a denied link everywhere and holds a message the spam model scores above its threshold', () => {
    for (const surface of Object.keys(DEFAULT_POLICY.surfaces) as (keyof typeof DEFAULT_POLICY.surfaces)[]) {
      expect(decide(DEFAULT_POLICY, surface, [{ signal: 'denied-link', score: 1 }]).action).toBe('refuse');
    }
    expect(decide(DEFAULT_POLICY, 'message', [{ signal: 'spam', score: 0.95 }])).toEqual({
      action: 'hold',
      rule: 'message.spam',
    });
    expect(decide(DEFAULT_POLICY, 'message', [{ signal: 'spam', score: 0.5 }]).action).toBe('allow');
  });

  it('allows a text no rule of its surface fires on', () => {
    expect(decide(DEFAULT_POLICY, 'profile.bio', [{ signal: 'mentions', score: 1 }])).toEqual({
      action: 'allow',
      rule: null,
    });
  });

  it('matches a denied domain and its subdomains, not look-alike suffixes', () => {
    expect(hostMatches('bit.ly', ['bit.ly'])).toBe(true);
    expect(hostMatches('x.bit.ly', ['bit.ly'])).toBe(true);
    expect(hostMatches('orbit.ly', ['bit.ly'])).toBe(false);
  });

  it('accepts a complete document, with defaults for what it leaves out', () => {
    const parsed = parsePolicyDocument({
      surfaces: {
        message: [
          { signal: 'spam', atLeast: 0.8, action: 'hold' },
          { signal: 'slur', action: 'refuse' },
        ],
      },
      links: { deny: ['WWW.Bit.ly'] },
    });
    expect(parsed.surfaces.message).toEqual([
      { signal: 'spam', atLeast: 0.8, action: 'hold' },
      { signal: 'slur', atLeast: 1, action: 'refuse' },
    ]);
    expect(parsed.links).toEqual({ allow: [], deny: ['bit.ly'] });
    expect(parsed.limits).toEqual(DEFAULT_POLICY.limits);
  });

  it('refuses unknown surfaces, signals, actions and fields, naming each', () => {
    const problems = problemsOf({
      surfaces: {
        'smoke-signals': [],
        message: [
          { signal: 'vibes', action: 'hold' },
          { signal: 'spam', action: 'delete-account' },
          { signal: 'spam', action: 'allow' },
          { signal: 'spam', action: 'hold', atLeast: 2 },
          { signal: 'spam', action: 'hold', weight: 3 },
        ],
      },
      links: { deny: ['not a domain', 42] },
      limits: { repeats: -1 },
      extra: true,
    });
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['extra', 'unknown-field'],
      ['surfaces.smoke-signals', 'unknown-surface'],
      ['surfaces.message[0].signal', 'unknown-signal'],
      ['surfaces.message[1].action', 'unknown-action'],
      ['surfaces.message[2].action', 'unknown-action'],
      ['surfaces.message[3].atLeast', 'out-of-range'],
      ['surfaces.message[4].weight', 'unknown-field'],
      ['links.deny[0]', 'not-a-domain'],
      ['links.deny[1]', 'not-a-domain'],
      ['limits.repeats', 'out-of-range'],
    ]);
  });

  it('refuses a document that is not an object', () => {
    expect(problemsOf(null).map((p) => p.code)).toContain('not-an-object');
    expect(problemsOf([]).map((p) => p.code)).toContain('not-an-object');
  });
});
