import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/**
 * The hateful words of obscenity's English set (by the set's own `originalWord`): these are slurs
 * rather than coarse language, and the policy treats them separately (refused everywhere by default).
 */
export const SLUR_WORDS = new Set([
  'abo',
  'abeed',
  'africoon',
  'arabush',
  'boonga',
  'chingchong',
  'chink',
  'dyke',
  'fag',
  'kike',
  'negro',
  'nigger',
  'retard',
  'spastic',
  'tranny',
]);

// Built once: compiling the dataset's patterns is the expensive part, matching is cheap.
const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

// Zero-width and soft-hyphen characters render as nothing, so they only ever serve to split a word.
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]|\u034F|\u17B4|\u17B5/g;
// Three or more single characters separated by spaces or punctuation ("f u c k", "s.h.i.t", "f-u-c-k").
const SPACED_OUT = /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}@$!*][\s._\-*~·|/\\]{1,3}){2,}[\p{L}\p{N}@$!*](?![\p{L}\p{N}])/gu;
const SEPARATORS = /[\s._\-*~·|/\\]/g;

export interface ProfanityFindings {
  /** The dataset's words found, e.g. `['fuck']`, without slurs. */
  profane: string[];
  slurs: string[];
}

/**
 * Obscene words with evasion resistance: obscenity's English preset and recommended transformers
 * handle look-alikes, leetspeak and stretched letters; we add what they leave open (invisible
 * characters and spaced-out letters), by matching a respelled copy too.
 */
export function findProfanity(text: string): ProfanityFindings {
  const words = new Set<string>();
  collect(text, words);
  const respelled = text.replace(INVISIBLE, '').replace(SPACED_OUT, (run) => run.replace(SEPARATORS, ''));
  if (respelled !== text) collect(respelled, words);
  const found = [...words];
  return { profane: found.filter((w) => !SLUR_WORDS.has(w)), slurs: found.filter((w) => SLUR_WORDS.has(w)) };
}

function collect(text: string, into: Set<string>): void {
  for (const match of matcher.getAllMatches(text)) {
    const word = englishDataset.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
    if (word) into.add(word);
  }
}
