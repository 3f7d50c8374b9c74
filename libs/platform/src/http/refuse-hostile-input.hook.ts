import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { findHostileRequestInput, hostileInputProblem } from './hostile-input.js';
import { problem } from './problem.js';
import { sendProblem, toProblem } from './problem-details.filter.js';

/**
 * Fastify `preValidation` hook on every route: path params, query and the parsed body are walked
 * once before guards, pipes and handlers see them (ADR 0013), so no route can pass NUL bytes or lone
 * surrogates to PostgreSQL, or 10,000-deep JSON to class-transformer.
 */
export function refuseHostileInput(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const found = findHostileRequestInput([request.params, request.query, request.body]);
  if (!found) return done();
  // Answering from a callback hook without calling done() ends the request here.
  sendProblem(reply, request, hostileInputProblem(found));
}

const logger = new Logger('HTTP');

/** Fastify's router errors (before any route or hook runs) as problem documents too. */
export function frameworkErrorProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_BAD_URL') {
    sendProblem(
      reply,
      request,
      problem(400, 'http.malformed-url', 'The URL does not decode to valid UTF-8 (check its percent-encoding)'),
    );
    return;
  }
  sendProblem(reply, request, toProblem(error, logger));
}
