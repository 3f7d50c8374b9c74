import { DomainError } from '@lib/platform/ddd';
import { API_KEY_SCOPES, MAX_ACTIVE_API_KEYS } from './api-key-policy.js';

export class UnknownApiKeyScopeError extends DomainError {
  readonly code = 'identity.api-key.scope-unknown';
  readonly kind = 'invalid' as const;
  constructor(scopes: string[]) {
    super(`Unknown scopes: ${scopes.join(', ')}`, { knownScopes: [...API_KEY_SCOPES] });
  }
}

export class ApiKeyNotFoundError extends DomainError {
  readonly code = 'identity.api-key.not-found';
  readonly kind = 'not-found' as const;
  constructor() {
    super('No such API key');
  }
}

export class TooManyApiKeysError extends DomainError {
  readonly code = 'identity.api-key.limit-reached';
  readonly kind = 'rule-violated' as const;
  constructor() {
    super(`An account may hold at most ${MAX_ACTIVE_API_KEYS} active API keys; revoke one first`, {
      limit: MAX_ACTIVE_API_KEYS,
    });
  }
}
