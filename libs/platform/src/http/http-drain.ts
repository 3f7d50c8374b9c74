import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RedisIoAdapter } from '../realtime/socket-io.adapter.js';
import type { RequestLifecycle } from './request-lifecycle.js';

/** Whether this process is shutting down: `/health/ready` then answers 503 so balancers stop sending. */
@Injectable()
export class ShutdownState {
  draining = false;
}

const adapters = new WeakMap<NestFastifyApplication, RedisIoAdapter>();
const inFlight = new WeakMap<NestFastifyApplication, { count: number; idle: (() => void)[] }>();

/** Called by createHttpApp: counts requests in flight (steps of its request lifecycle) and remembers the socket adapter. */
export function trackForDrain(app: NestFastifyApplication, sockets: RedisIoAdapter): RequestLifecycle {
  adapters.set(app, sockets);
  const state = { count: 0, idle: [] as (() => void)[] };
  inFlight.set(app, state);
  const finished = (request: object) => {
    const counted = request as { drainCounted?: boolean };
    if (!counted.drainCounted) return;
    counted.drainCounted = false;
    if (--state.count === 0) for (const resolve of state.idle.splice(0)) resolve();
  };
  return {
    onRequest: [
      (request, _reply, next) => {
        (request as { drainCounted?: boolean }).drainCounted = true;
        state.count++;
        next();
      },
    ],
    onResponse: [finished],
    onRequestAbort: [finished],
  };
}

/**
 * The first half of a graceful shutdown, before `app.close()` (which then lets running jobs finish and
 * closes connections): readiness turns red, no new connection is accepted, every socket is told to
 * reconnect (to another node) and closed, and the requests in flight are answered.
 */
export async function drainHttpApp(app: NestFastifyApplication): Promise<void> {
  app.get(ShutdownState).draining = true;
  const server = app.getHttpServer();
  if (server.listening) server.close();
  await adapters.get(app)?.drain();
  const state = inFlight.get(app);
  if (state && state.count > 0) await new Promise<void>((resolve) => state.idle.push(resolve));
}
