import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { findHostileRequestInput, hostileInputProblem } from './hostile-input.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';
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

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'http.request-timeout',
    detail: 'The request was not received in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'http.headers-too-large',
    detail: 'The request line and headers exceed the size limit (a very long URL or query string counts)',
  },
};

/**
 * Node's HTTP parser refusals (oversized headers or URL, malformed request line), which happen before
 * Fastify has a request: answered as problem documents on the raw socket (Fastify's default is plain JSON).
 */
export function clientErrorProblem(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? {
    status: 400,
    code: 'http.malformed-request',
    detail: 'The request is not valid HTTP',
  };
  const body = JSON.stringify(problem(known.status, known.code, known.detail));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
