import type { AccountStanding, ScreeningSignal, ScreeningSurface } from '../../contracts/index.js';
import { findLinks } from '../screening/signals/links.js';
import { countMentionedPeople } from '../screening/signals/text-shape.js';

/** A hard refusal a trust level imposes whatever the policy says (rule `<surface>.trust-level.<gate>`). */
export interface LevelGateRefusal {
  rule: string;
  signal: ScreeningSignal;
}

/**
 * Level gates on a text: an account whose limits forbid links may post none (allowed domains included:
 * the gate is about who writes, not where it points), and a level-0 account may not mention more people
 * than its limit. Higher levels' mention limits feed the policy's `mentions` signal instead.
 */
export function levelGateOn(
  surface: ScreeningSurface,
  text: string,
  standing: Pick<AccountStanding, 'trustLevel' | 'limits'>,
): LevelGateRefusal | null {
  if (!standing.limits.mayPostLinks) {
    const { unlisted, denied } = findLinks(text, { allow: [], deny: [] });
    const hosts = [...unlisted, ...denied];
    if (hosts.length)
      return {
        rule: `${surface}.trust-level.link`,
        signal: {
          signal: 'link',
          score: 1,
          detail: `trust level ${standing.trustLevel} may not post links: ${hosts.slice(0, 10).join(', ')}`,
        },
      };
  }
  if (standing.trustLevel === 0) {
    // The gate is about how many people a new account can reach at once: a repeated handle is one.
    const mentions = countMentionedPeople(text);
    if (mentions > standing.limits.maxMentions)
      return {
        rule: `${surface}.trust-level.mentions`,
        signal: {
          signal: 'mentions',
          score: 1,
          detail: `${mentions} mentions, trust level 0 may mention at most ${standing.limits.maxMentions}`,
        },
      };
  }
  return null;
}
