import type { Principal } from './principal.js';

/** Implemented by the identity context: turns a raw API key into its owner and scopes. */
export abstract class ApiKeyAuthenticator {
  abstract authenticate(rawKey: string): Promise<Principal | null>;
}

/** Implemented by the identity context: checks an email and password (for HTTP Basic on admin tools). */
export abstract class PasswordAuthenticator {
  abstract authenticate(email: string, password: string): Promise<Principal | null>;
}

/** API keys are recognisable by their prefix, so the guard knows which verifier to ask. */
export const API_KEY_PREFIX = 'sr_';

/**
 * Implemented by trust & safety: account sanctions every HTTP route sees. Throws to refuse — writes
 * (any method but GET, HEAD, OPTIONS) from a suspended account, every request from a banned one.
 */
export abstract class AccountRestrictions {
  abstract check(
    principal: Principal,
    request: { write: boolean; allowedWhileSuspended: boolean; allowedWhileBanned?: boolean },
  ): Promise<void>;
}
