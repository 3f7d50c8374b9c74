import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal.js';

export const PUBLIC_ROUTE = 'showrunner:public';
export const REQUIRED_ROLES = 'showrunner:roles';
export const REQUIRED_SCOPE = 'showrunner:api-key-scope';
export const ALLOWED_WHILE_SUSPENDED = 'showrunner:allowed-while-suspended';
export const ALLOWED_WHILE_BANNED = 'showrunner:allowed-while-banned';

/** Opens a route to anonymous callers (every other route requires authentication). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs at least one of these roles (`admin` passes every role check). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** A write a suspended account may still make (logging out, appealing). */
export const AllowedWhileSuspended = () => SetMetadata(ALLOWED_WHILE_SUSPENDED, true);

/** A route a banned account may still call (appealing its ban); implies allowed while suspended. */
export const AllowedWhileBanned = () => SetMetadata(ALLOWED_WHILE_BANNED, true);

/**
 * Makes a route reachable with an API key carrying this scope. Routes without it refuse API keys:
 * a key can never do more than its scopes name.
 */
export const ApiKeyScope = (scope: string) => SetMetadata(REQUIRED_SCOPE, scope);

/** The authenticated principal (undefined on public routes called anonymously). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  if (context.getType() === 'ws')
    return context.switchToWs().getClient<{ data?: { principal?: Principal } }>().data?.principal;
  return context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
});
