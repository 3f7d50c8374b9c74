import { newId } from '@lib/platform/ddd';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-policy.js';
import { UnknownApiKeyScopeError } from './api-key.errors.js';

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
