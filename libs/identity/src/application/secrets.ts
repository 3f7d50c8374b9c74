import { createHash, randomBytes } from 'node:crypto';

/** A high-entropy opaque secret (refresh tokens, API keys): 256 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets this random need no slow hash: SHA-256 is enough to make a stolen table useless. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
