/**
 * Characters that show nothing on their own: Unicode White_Space (U+0085, U+2028, U+2029 and U+3000
 * included, which String#trim partly misses), default-ignorable code points (zero-width space and
 * joiners, U+FEFF, bidi controls, soft hyphen, variation selectors, Hangul fillers, tags), control
 * characters and the blank Braille pattern.
 */
const INVISIBLE = String.raw`\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800`;
const ONLY_INVISIBLE = new RegExp(`^[${INVISIBLE}]*$`, 'u');
/** Removed at the ends: separators only, never a joiner or variation selector that belongs to an emoji. */
const EDGES = /^[\p{White_Space}\u200B\u2060\uFEFF]+|[\p{White_Space}\u200B\u2060\uFEFF]+$/gu;

/** True when the text shows nothing: the one blank-text rule for every user-written text. */
export function isBlankText(text: string): boolean {
  return ONLY_INVISIBLE.test(text);
}

/** The text without leading and trailing whitespace (Unicode's set) and zero-width spaces. */
export function trimText(text: string): string {
  return text.replace(EDGES, '');
}
