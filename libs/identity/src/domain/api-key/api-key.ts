import { DomainError, newId } from '@lib/platform/ddd';

/** What an API key may be used for; each route that accepts keys names the scope it needs. */
export const API_KEY_SCOPES = ['profile:read', 'profile:write', 'search:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

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

/** A credential for machine clients: shown once, stored as a hash, limited to its scopes, revocable. */
export class ApiKey {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: ApiKeyScope[];
  /** The first characters of the key, so its owner can tell keys apart. */
  readonly displayPrefix: string;
  readonly secretHash: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  lastUsedAt: Date | null = null;
  revokedAt: Date | null = null;

  constructor(props: {
    userId: string;
    name: string;
    scopes: string[];
    displayPrefix: string;
    secretHash: string;
    expiresAt: Date | null;
  }) {
    const unknown = props.scopes.filter((scope) => !(API_KEY_SCOPES as readonly string[]).includes(scope));
    if (unknown.length) throw new UnknownApiKeyScopeError(unknown);
    this.id = newId();
    this.userId = props.userId;
    this.name = props.name.trim().slice(0, 100);
    this.scopes = [...new Set(props.scopes)] as ApiKeyScope[];
    this.displayPrefix = props.displayPrefix;
    this.secretHash = props.secretHash;
    this.createdAt = new Date();
    this.expiresAt = props.expiresAt;
  }

  usableAt(now: Date): boolean {
    return this.revokedAt === null && (this.expiresAt === null || this.expiresAt > now);
  }

  revoke(): void {
    this.revokedAt ??= new Date();
  }
}

export abstract class ApiKeyRepository {
  abstract findBySecretHash(secretHash: string): Promise<ApiKey | null>;
  abstract findOwned(userId: string, id: string): Promise<ApiKey | null>;
  abstract listOwned(userId: string): Promise<ApiKey[]>;
  abstract save(key: ApiKey): Promise<void>;
  /** Records use without loading the key into a unit of work (hot path, best effort). */
  abstract touch(id: string, at: Date): Promise<void>;
}
