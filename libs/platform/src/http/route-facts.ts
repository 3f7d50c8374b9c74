import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, REDIRECT_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ALLOWED_WHILE_SUSPENDED, PUBLIC_ROUTE, REQUIRED_ROLES, REQUIRED_SCOPE } from '../auth/decorators.js';
import type { Role } from '../auth/principal.js';

/** One controller method, named as Swagger names its operation (`<Controller>_<method>`). */
export interface RouteHandler {
  operationId: string;
  controller: Type;
  handler: (...args: unknown[]) => unknown;
}

/** Who may call a route, as its guards decide it; documented as `x-access` on each operation. */
export interface RouteAccess {
  audience: 'public' | 'authenticated' | 'roles';
  roles?: Role[];
  apiKeyScope?: string;
  allowedWhileSuspended?: boolean;
}

/** What the code decides about a route, for its documentation and the checks on it. */
export interface RouteFacts extends RouteHandler {
  access: RouteAccess;
  /** The status a success answers with; undefined when the handler decides it (`@Res`, `@Redirect`). */
  successStatus: number | undefined;
}

/** Every controller method of the application (the modules' controllers, their own methods). */
export function routeHandlers(app: INestApplication): RouteHandler[] {
  const handlers: RouteHandler[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      const prototype = controller?.prototype as Record<string, unknown> | undefined;
      if (!controller || !prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        handlers.push({
          operationId: `${controller.name}_${method}`,
          controller,
          handler: handler as RouteHandler['handler'],
        });
      }
    }
  }
  return handlers;
}

/** The access rule and success status of every route, by operation id. */
export function routeFactsByOperation(app: INestApplication): Map<string, RouteFacts> {
  const reflector = app.get(Reflector);
  const facts = new Map<string, RouteFacts>();
  for (const route of routeHandlers(app)) {
    const targets = [route.handler, route.controller];
    const method = Reflect.getMetadata(METHOD_METADATA, route.handler) as RequestMethod | undefined;
    if (method === undefined) continue; // a helper method, not a route
    const roles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    const access: RouteAccess = reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)
      ? { audience: 'public' }
      : roles?.length
        ? { audience: 'roles', roles }
        : { audience: 'authenticated' };
    const scope = reflector.getAllAndOverride<string | undefined>(REQUIRED_SCOPE, targets);
    if (scope) access.apiKeyScope = scope;
    if (reflector.getAllAndOverride<boolean>(ALLOWED_WHILE_SUSPENDED, targets)) access.allowedWhileSuspended = true;
    facts.set(route.operationId, { ...route, access, successStatus: successStatusOf(route, method) });
  }
  return facts;
}

function successStatusOf(route: RouteHandler, method: RequestMethod): number | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, route.controller, route.handler.name) ?? {}) as Record<
    string,
    unknown
  >;
  // `@Res()` without passthrough: the handler sets the status itself.
  if (Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.RESPONSE}:`))) return undefined;
  if (Reflect.getMetadata(REDIRECT_METADATA, route.handler)) return undefined;
  const explicit = Reflect.getMetadata(HTTP_CODE_METADATA, route.handler) as number | undefined;
  return explicit ?? (method === RequestMethod.POST ? 201 : 200);
}

/** Writes each operation's access rule into the OpenAPI document (`x-access`), from the guards' own metadata. */
export function documentAccessRules(app: INestApplication, document: OpenAPIObject): void {
  const facts = routeFactsByOperation(app);
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item) as { operationId?: string }[]) {
      const route = facts.get(operation?.operationId ?? '');
      if (route) Object.assign(operation, { 'x-access': route.access });
    }
  }
}
