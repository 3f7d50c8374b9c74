import { findLinks } from './links.js';
import { findProfanity } from './profanity.js';
import { countMentions, fingerprint } from './text-shape.js';

describe('profanity, evasions included', () => {
  it.each([
    ['plain', 'what the fuck'],
    ['leetspeak', 'what the fvck, sh1t'],
    ['stretched letters', 'fuuuuuck this'],
    ['spaced out', 'f u c k you'],
    ['dotted', 'you are s.h.i.t'],
    ['hyphenated', 'f-u-c-k off'],
    ['zero-width characters', 'f\u200Bu\u200Bck off'],
    ['soft hyphens', 'fu\u00ADck off'],
    ['Greek look-alike', 'fμck this'],
    ['full-width letters', 'ｆｕｃｋ this'],
    ['Cyrillic look-alikes', 'ѕhіt happens'],
  ])('finds profanity written %s', (_how, text) => {
    expect(findProfanity(text).profane.length + findProfanity(text).slurs.length).toBeGreaterThan(0);
  });

  it('tells slurs apart from coarse language, through the same evasions', () => {
    expect(findProfanity('n i g g e r').slurs).toEqual(['nigger']);
    expect(findProfanity('k1ke').slurs).toEqual(['kike']);
    expect(findProfanity('damn, shit').slurs).toEqual([]);
  });

  it.each(['Scunthorpe United won', 'classic assassins', 'I a m here at 5 p m', 'Essex and Sussex', 'a b c d'])(
    'leaves innocent text alone: %s',
    (text) => {
      expect(findProfanity(text)).toEqual({ profane: [], slurs: [] });
    },
  );
});

describe('links', () => {
  const lists = { allow: ['youtube.com'], deny: ['bit.ly'] };

  it('finds bare domains and full URLs, on the deny list or just unlisted', () => {
    expect(findLinks('see bit.ly/x and https://WWW.Example.com/a', lists)).toEqual({
      denied: ['bit.ly'],
      unlisted: ['example.com'],
    });
  });

  it('counts allow-listed links as nothing, subdomains included', () => {
    expect(findLinks('watch https://m.youtube.com/watch?v=1', lists)).toEqual({ denied: [], unlisted: [] });
  });

  it('matches a denied subdomain and compares look-alike Unicode hosts in punycode', () => {
    expect(findLinks('go to https://promo.bit.ly/x', lists).denied).toEqual(['promo.bit.ly']);
    expect(findLinks('https://уoutube.com/login', lists).unlisted).toEqual([expect.stringMatching(/^xn--/)]); // not youtube.com
  });
});

describe('text shape', () => {
  it('counts @mentions, not e-mail addresses', () => {
    expect(countMentions('@ann @bob hi @ann, write to me@example.com')).toBe(3);
  });

  it('gives near-identical texts one fingerprint', () => {
    expect(fingerprint('Buy NOW!!! cheap pills')).toBe(fingerprint('buy now — cheap   pills'));
    expect(fingerprint('Buy now cheap pills')).toBe(fingerprint('Búy nów cheap pills'));
    expect(fingerprint('buy now cheap pills')).not.toBe(fingerprint('buy later'));
  });
});
