import { DomainError } from '@lib/platform/ddd';

/** Longest text the check accepts: far above any surface's own limit, so only abuse reaches it. */
export const MAX_SCREENED_TEXT_LENGTH = 20_000;

export class ScreenedTextTooLongError extends DomainError {
  readonly code = 'trust-safety.text.too-long';
  readonly kind = 'invalid';
  constructor(length: number) {
    super(`Texts longer than ${MAX_SCREENED_TEXT_LENGTH} characters are not accepted`, {
      maxLength: MAX_SCREENED_TEXT_LENGTH,
      length,
    });
  }
}
