import { WeakPasswordError } from '../domain/session/session.errors.js';

export const PASSWORD_MIN_LENGTH = 10;
// argon2 hashes whatever it gets; a cap stops megabyte "passwords" from burning CPU.
export const PASSWORD_MAX_LENGTH = 256;

/** Length over composition rules (NIST SP 800-63B), plus the obvious: not the email or handle. */
export function assertAcceptablePassword(password: string, personal: { email: string; handle: string }): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new WeakPasswordError(`use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH)
    throw new WeakPasswordError(`use at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (lower === personal.email.toLowerCase() || lower === personal.handle.toLowerCase()) {
    throw new WeakPasswordError('it must not be your email or handle');
  }
  if (new Set(password).size < 4) throw new WeakPasswordError('use more than a few distinct characters');
}
