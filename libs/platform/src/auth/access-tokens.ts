import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@config';
import { ROLES, type Principal, type Role } from './principal.js';
import { UnauthenticatedError } from './auth.errors.js';

interface AccessClaims {
  sub: string;
  roles: Role[];
  sid: string;
  typ: 'access';
  exp: number;
}

const ISSUER = 'showrunner';
const AUDIENCE = 'showrunner-api';

/** Short-lived signed access tokens (HS256 only: no `none`, no algorithm confusion). */
@Injectable()
export class AccessTokens {
  private readonly jwt: JwtService;

  constructor(private readonly config: AppConfig) {
    // A key object, made once: given a string, jsonwebtoken first tries to parse it as a PEM public key on every verify.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) });
  }

  issue(subject: { userId: string; roles: Role[]; sessionId: string }): { token: string; expiresIn: number } {
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const token = this.jwt.sign(
      { roles: subject.roles, sid: subject.sessionId, typ: 'access' },
      { subject: subject.userId, expiresIn, issuer: ISSUER, audience: AUDIENCE, algorithm: 'HS256' },
    );
    return { token, expiresIn };
  }

  verify(token: string): Principal {
    let claims: AccessClaims;
    try {
      claims = this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    } catch (error) {
      const expired = (error as Error).name === 'TokenExpiredError';
      throw new UnauthenticatedError(
        expired ? 'auth.token-expired' : 'auth.token-invalid',
        expired ? 'The access token has expired; refresh it' : 'The access token is invalid',
      );
    }
    if (claims.typ !== 'access' || !Array.isArray(claims.roles) || !claims.roles.every((r) => ROLES.includes(r))) {
      throw new UnauthenticatedError('auth.token-invalid', 'The access token is invalid');
    }
    return {
      userId: claims.sub,
      roles: claims.roles,
      sessionId: claims.sid,
      via: 'access-token',
      expiresAt: claims.exp,
    };
  }
}
