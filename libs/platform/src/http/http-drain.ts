import { Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RedisIoAdapter } from '../realtime/socket-io.adapter.js';

/** Whether this process is shutting down: `/health/ready` then answers 503 so balancers stop sending. */
@Injectable()
export class ShutdownState {
  draining = false;
}

const adapters = new WeakMap<NestFastifyApplication, RedisIoAdapter>();
const inFlight = new WeakMap<NestFastifyApplication, { count: number; idle: (() => void)[] }>();

/** Called by createHttpApp: counts requests in flight and remembers the socket adapter, for the drain. */
export function trackForDrain(app: NestFastifyApplication, sockets: RedisIoAdapter): void {
  adapters.set(app, sockets);
  const state = { count: 0, idle: [] as (() => void)[] };
  inFlight.set(app, state);
  const fastify = app.getHttpAdapter().getInstance();
  const finished = (request: { drainCounted?: boolean }) => {
    if (!request.drainCounted) return;
    request.drainCounted = false;
    if (--state.count === 0) for (const resolve of state.idle.splice(0)) resolve();
  };
  fastify.addHook('onRequest', (request, _reply, done) => {
    (request as { drainCounted?: boolean }).drainCounted = true;
    state.count++;
    done();
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    finished(request as { drainCounted?: boolean });
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    finished(request as { drainCounted?: boolean });
    done();
  });
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
