import { DomainError } from '@lib/platform/ddd';

/** Longest hashtag kept; longer runs are not tags (Mastodon caps tag names the same way). */
export const HASHTAG_MAX_LENGTH = 64;

/**
 * The canonical form of a tag, as stored and as looked up from `/v1/hashtags/:tag`: NFKC (so full-width
 * and composed letters match their plain forms), lower-cased, without the leading `#`. Null when the
 * result is not a tag (empty, too long, digits only, or characters other than letters, digits and `_`).
 */
export function normaliseHashtag(raw: string): string | null {
  const tag = raw.normalize('NFKC').replace(/^#/, '').toLowerCase();
  if (!tag || [...tag].length > HASHTAG_MAX_LENGTH) return null;
  if (!/^[\p{L}\p{N}_]+$/u.test(tag) || /^\p{N}+$/u.test(tag)) return null;
  return tag;
}

/** The distinct normalised `#tags` of a text, in order of appearance. */
export function hashtagsIn(text: string): string[] {
  const tags = [...text.normalize('NFKC').matchAll(/(?:^|[^\p{L}\p{N}_&#/])#([\p{L}\p{N}_]+)/gu)]
    .map((m) => normaliseHashtag(m[1]))
    .filter((tag): tag is string => tag !== null);
  return [...new Set(tags)];
}

export class HashtagInvalidError extends DomainError {
  readonly code = 'engagement.hashtag.invalid';
  readonly kind = 'invalid';
  constructor(tag: string) {
    super('A hashtag is letters, digits and underscores (not only digits), at most 64 characters', { tag });
  }
}
