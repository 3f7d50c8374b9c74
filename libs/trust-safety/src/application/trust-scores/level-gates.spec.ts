import { LIMITS_BY_LEVEL } from '../../domain/trust-scores/trust-score.js';
import { levelGateOn } from './level-gates.js';

const at = (trustLevel: 0 | 1 | 2 | 3) => ({ trustLevel, limits: LIMITS_BY_LEVEL[trustLevel] });

describe('level gates', () => {
  it('refuses any link from level 0, bare domains and allowed hosts alike', () => {
    for (const text of ['see https://youtube.com/watch?v=1', 'go to cheap-pills.biz now', 'www.example.org'])
      expect(levelGateOn('comment', text, at(0))).toMatchObject({
        rule: 'comment.trust-level.link',
        signal: { signal: 'link' },
      });
    expect(levelGateOn('comment', 'see https://youtube.com/watch?v=1', at(1))).toBeNull();
  });

  it('refuses a third mention from level 0 only; higher levels are left to the policy', () => {
    expect(levelGateOn('message', 'hi @ann and @bob', at(0))).toBeNull();
    expect(levelGateOn('message', 'hi @ann @ANN @bob', at(0))).toBeNull(); // two people, one named twice
    expect(levelGateOn('message', 'hi @ann @bob @cleo', at(0))).toMatchObject({
      rule: 'message.trust-level.mentions',
    });
    expect(levelGateOn('message', '@a @b @c @d @e @f @g', at(1))).toBeNull();
  });

  it('lets plain prose through at level 0', () => {
    expect(levelGateOn('message', 'Nice episode. Loved it.', at(0))).toBeNull();
  });
});
