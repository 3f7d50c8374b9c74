/**
 * What kind of refusal a domain error is; the HTTP layer maps each kind to one status code,
 * so the domain never speaks HTTP.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'rule-violated'
  | 'payment-required'
  | 'rate-limited';

/** A refusal with a stable, documented `code` (`<context>.<subject>.<reason>`) that clients can branch on. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    /** Extra machine-readable facts for the client (limits, current usage, ...). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
