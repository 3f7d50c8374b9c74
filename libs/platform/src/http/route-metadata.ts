import type { ExecutionContext, Type } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

type Handler = (...args: never[]) => unknown;
const cache = new WeakMap<Type | Handler, WeakMap<Handler, Map<string | symbol, unknown>>>();

/**
 * A decorator's value for the route being served, the handler's over its controller's (Reflector's
 * `getAllAndOverride`), read once per route: decorators are fixed after boot, and reflect-metadata's lookup
 * on every request cost a guard more than its own decision did (ADR 0071).
 */
export function routeMetadata<T>(reflector: Reflector, key: string | symbol, context: ExecutionContext): T | undefined {
  const controller = context.getClass();
  const handler = context.getHandler() as Handler;
  let byHandler = cache.get(controller);
  if (!byHandler) cache.set(controller, (byHandler = new WeakMap()));
  let values = byHandler.get(handler);
  if (!values) byHandler.set(handler, (values = new Map<string | symbol, unknown>()));
  if (values.has(key)) return values.get(key) as T | undefined;
  const value = reflector.getAllAndOverride<T | undefined>(key, [handler, controller]);
  values.set(key, value);
  return value;
}
