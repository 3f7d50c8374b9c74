import { hashtagsIn, normaliseHashtag } from './hashtags.js';
import { mentionedHandles } from '../mentions/mentions.js';

describe('hashtags and mentions in a text', () => {
  it('normalises tags: case, Unicode width and composition fold to one form', () => {
    expect(hashtagsIn('#Cooking and #COOKING, ＃ｃｏｏｋｉｎｇ too')).toEqual(['cooking']);
    expect(hashtagsIn('#Cafe\u0301 vs #café')).toEqual(['café']);
  });

  it('ignores what is not a tag: digits only, anchors, html entities, mid-word #', () => {
    expect(hashtagsIn('#123 page#2 &#39; http://x.test/#anchor #ok_2')).toEqual(['ok_2']);
  });

  it('rejects a looked-up tag that could never be stored', () => {
    expect(normaliseHashtag('#Night_Kitchen')).toBe('night_kitchen');
    expect(normaliseHashtag('a b')).toBeNull();
    expect(normaliseHashtag('x'.repeat(65))).toBeNull();
  });

  it('finds each @handle once, not e-mail addresses', () => {
    expect(mentionedHandles('@Ann and @ann, mail ann@example.com, @bob_99')).toEqual(['ann', 'bob_99']);
  });
});
