import { Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from './auth.errors.js';
import { AccountRestrictions } from './credential-ports.js';
import {
  ALLOWED_WHILE_BANNED,
  ALLOWED_WHILE_SUSPENDED,
  PUBLIC_ROUTE,
  REQUIRED_ROLES,
  REQUIRED_SCOPE,
} from './decorators.js';
import type { Principal, Role } from './principal.js';
import { RequestAuthenticator } from './request-authenticator.js';
import { routeMetadata } from '../http/route-metadata.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function hasRole(principal: Principal, required: Role[]): boolean {
  return principal.roles.includes('admin') || required.some((role) => principal.roles.includes(role));
}

/**
 * Global guard: authenticated by default, then role and API-key scope checks from route metadata, then
 * the account's sanctions (a suspended account cannot write, a banned one cannot call anything).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
    @Optional() private readonly restrictions?: AccountRestrictions,
  ) {}

  // Not async: a public route called without a credential is decided at once, with no promise to settle.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() === 'ws') return this.checkSocketEvent(context);
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const credential = RequestAuthenticator.bearerFrom(request.headers.authorization);
    if (!credential) {
      if (routeMetadata<boolean>(this.reflector, PUBLIC_ROUTE, context)) return true;
      throw new UnauthenticatedError();
    }
    return this.authorize(request, credential, context);
  }

  private async authorize(
    request: FastifyRequest & { principal?: Principal },
    credential: string,
    context: ExecutionContext,
  ): Promise<boolean> {
    const principal = await this.authenticator.authenticate(credential);
    request.principal = principal;

    const roles = routeMetadata<Role[] | undefined>(this.reflector, REQUIRED_ROLES, context);
    if (roles?.length && !hasRole(principal, roles)) {
      throw new ForbiddenError('auth.role-required', `This requires one of the roles: ${roles.join(', ')}`, {
        requiredRoles: roles,
      });
    }
    if (principal.via === 'api-key') {
      const scope = routeMetadata<string | undefined>(this.reflector, REQUIRED_SCOPE, context);
      if (!scope || !principal.scopes?.includes(scope)) {
        throw new ForbiddenError(
          'auth.api-key-scope',
          scope ? `This API key lacks the scope '${scope}'` : 'This route cannot be called with an API key',
          scope ? { requiredScope: scope } : undefined,
        );
      }
    }
    if (this.restrictions) {
      await this.restrictions.check(principal, {
        write: !SAFE_METHODS.has(request.method),
        allowedWhileSuspended: routeMetadata<boolean>(this.reflector, ALLOWED_WHILE_SUSPENDED, context) ?? false,
        allowedWhileBanned: routeMetadata<boolean>(this.reflector, ALLOWED_WHILE_BANNED, context) ?? false,
      });
    }
    return true;
  }

  /**
   * Sockets authenticate at the handshake; each client event then passes the same sanctions as an HTTP
   * write (a suspended account's events are refused unless `@AllowedWhileSuspended()`, a banned one's all).
   */
  private async checkSocketEvent(context: ExecutionContext): Promise<boolean> {
    const principal = context.switchToWs().getClient<{ data?: { principal?: Principal } }>().data?.principal;
    if (!principal || !this.restrictions) return true;
    await this.restrictions.check(principal, {
      write: true,
      allowedWhileSuspended: routeMetadata<boolean>(this.reflector, ALLOWED_WHILE_SUSPENDED, context) ?? false,
    });
    return true;
  }
}
