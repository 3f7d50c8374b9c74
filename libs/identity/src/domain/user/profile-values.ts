import { InvalidDisplayNameError, InvalidEmailError, InvalidHandleError } from './user.errors.js';

// Deliberately simple: one @, a dot in the domain, no spaces; the inbox is proven by mail, not regex.
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;
const HANDLE = /^[a-z0-9_]{3,30}$/;
const RESERVED_HANDLES = new Set([
  'admin',
  'administrator',
  'root',
  'support',
  'showrunner',
  'moderator',
  'me',
  'system',
  'api',
]);

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Emails compare case-insensitively: stored trimmed and lowercased. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) throw new InvalidEmailError();
  return email;
}

/** Handles are public, URL-safe and case-insensitive: 3-30 of a-z, 0-9 and _. */
export function normalizeHandle(raw: string, options: { allowReserved?: boolean } = {}): string {
  const handle = raw.trim().replace(/^@/, '').toLowerCase();
  if (!HANDLE.test(handle)) throw new InvalidHandleError('use 3 to 30 letters, digits or underscores');
  if (!options.allowReserved && RESERVED_HANDLES.has(handle)) throw new InvalidHandleError(`@${handle} is reserved`);
  return handle;
}

export function normalizeDisplayName(raw: string): string {
  // Collapses runs of whitespace and strips control characters that would break rendering.
  const name = raw.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
  if (name.length < 1 || name.length > 50) throw new InvalidDisplayNameError('use 1 to 50 characters');
  return name;
}
