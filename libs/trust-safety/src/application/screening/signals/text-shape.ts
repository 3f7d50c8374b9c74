import { createHash } from 'node:crypto';

const MENTION = /(?<![\p{L}\p{N}_@])@[\p{L}\p{N}_]{1,30}/gu;

/** The text without its @mentions: a handle is an account's name, screened when its owner sets it. */
export function withoutMentions(text: string): string {
  return text.replace(MENTION, ' ');
}

/** How many @mentions a text carries (each occurrence counts: repeating a name is still noise). */
export function countMentions(text: string): number {
  return text.match(MENTION)?.length ?? 0;
}

/** How many different people a text mentions (handles compare case-insensitively). */
export function countMentionedPeople(text: string): number {
  return new Set((text.match(MENTION) ?? []).map((mention) => mention.toLowerCase())).size;
}

/**
 * A fingerprint of the text that survives trivial variation (case, accents, spacing, punctuation,
 * look-alike letters), so a flood of "near-same" messages counts as repetition.
 */
export function fingerprint(text: string): string {
  const normalised = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return createHash('sha256').update(normalised).digest('base64url').slice(0, 22);
}
