import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** One step of a request's start: calls `next` to go on, or answers through `reply` and does not. */
export type RequestStep = (request: FastifyRequest, reply: FastifyReply, next: () => void) => void;

export interface RequestLifecycle {
  /** In order, before routing: a step that answers ends the request there. */
  onRequest: RequestStep[];
  /** After the answer was sent. */
  onResponse: ((request: FastifyRequest, reply: FastifyReply) => void)[];
  /** When the client went away before the answer. */
  onRequestAbort: ((request: FastifyRequest) => void)[];
}

/**
 * Installs the platform's per-request work as one Fastify hook per phase: each hook costs every request a
 * trip through Fastify's hook runner (ADR 0076), and the steps are plain synchronous calls.
 */
export function installRequestLifecycle(fastify: FastifyInstance, lifecycle: RequestLifecycle): void {
  const { onRequest, onResponse, onRequestAbort } = lifecycle;
  const step = (index: number, request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (index === onRequest.length) return done();
    onRequest[index](request, reply, () => step(index + 1, request, reply, done));
  };
  fastify.addHook('onRequest', (request, reply, done) => step(0, request, reply, () => done()));
  fastify.addHook('onResponse', (request, reply, done) => {
    for (const finished of onResponse) finished(request, reply);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    for (const aborted of onRequestAbort) aborted(request);
    done();
  });
}
