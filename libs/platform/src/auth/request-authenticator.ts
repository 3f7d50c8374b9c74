import { Injectable, Optional } from '@nestjs/common';
import { AccessTokens } from './access-tokens.js';
import { UnauthenticatedError } from './auth.errors.js';
import { API_KEY_PREFIX, ApiKeyAuthenticator } from './credential-ports.js';
import type { Principal } from './principal.js';
import { SessionRevocations } from './session-revocations.js';

/** One way to turn a bearer credential into a principal: used by HTTP, sockets and admin tools. */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly revocations: SessionRevocations,
    @Optional() private readonly apiKeys?: ApiKeyAuthenticator,
  ) {}

  /** Reads `Authorization: Bearer <token>`; undefined when the header carries no bearer credential. */
  static bearerFrom(header: string | undefined): string | undefined {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    return match?.[1];
  }

  async authenticate(credential: string): Promise<Principal> {
    if (credential.startsWith(API_KEY_PREFIX)) {
      const principal = await this.apiKeys?.authenticate(credential);
      if (!principal) throw new UnauthenticatedError('auth.api-key-invalid', 'The API key is invalid or revoked');
      return principal;
    }
    const principal = this.accessTokens.verify(credential);
    if (principal.sessionId && (await this.revocations.isRevoked(principal.sessionId))) {
      throw new UnauthenticatedError('auth.session-revoked', 'This session has ended; log in again');
    }
    return principal;
  }
}
