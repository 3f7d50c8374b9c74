import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@lib/platform/ddd';
import {
  ConnectionException,
  NotFoundError,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, STATUS_BY_KIND, type Problem } from './problem.js';
import { ValidationFailedException, validationFailedProblem } from './validation.js';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'http.bad-request',
  401: 'auth.unauthenticated',
  403: 'auth.forbidden',
  404: 'http.not-found',
  405: 'http.method-not-allowed',
  406: 'http.not-acceptable',
  409: 'http.conflict',
  408: 'http.request-timeout',
  413: 'http.payload-too-large',
  414: 'http.uri-too-long',
  415: 'http.unsupported-media-type',
  429: 'http.rate-limited',
  431: 'http.headers-too-large',
};

/** Turns anything thrown while handling a request into a problem+json answer; never a stack trace. */
export function toProblem(error: unknown, logger: Logger): Problem {
  if (error instanceof ValidationFailedException) {
    return validationFailedProblem(error.fields);
  }
  if (error instanceof DomainError) {
    return problem(STATUS_BY_KIND[error.kind], error.code, error.message, error.details);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    // Fastify's own errors (body parsing, limits) arrive wrapped, with the original as the cause.
    const cause = error.cause as { code?: unknown } | undefined;
    if (typeof cause?.code === 'string' && cause.code.startsWith('FST_'))
      return fastifyProblem(status, cause.code, error.message);
    const response = error.getResponse();
    const body = typeof response === 'object' && response ? (response as Record<string, unknown>) : {};
    const code = typeof body.code === 'string' ? body.code : (CODE_BY_STATUS[status] ?? `http.${status}`);
    const message = Array.isArray(body.message)
      ? body.message.join('; ')
      : ((body.message as string | undefined) ?? error.message);
    return problem(status, code, message);
  }
  if (error instanceof OptimisticLockError) {
    return problem(409, 'http.version-conflict', 'The resource changed while this request was handled; retry it');
  }
  if (error instanceof UniqueConstraintViolationException) {
    return problem(409, 'http.conflict', 'A resource with the same unique value already exists');
  }
  if (error instanceof NotFoundError) {
    return problem(404, 'http.not-found', 'Not found');
  }
  if (isServiceOutage(error)) {
    logger.warn({ err: error }, 'a backing service is unavailable');
    return problem(503, 'http.service-unavailable', 'A service this request needs is unavailable; retry shortly', {
      retryAfterSeconds: 2,
    });
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return fastifyProblem(fastifyError.statusCode, fastifyError.code, fastifyError.message);
  }
  logger.error({ err: error }, 'unhandled error');
  return problem(500, 'http.internal-error', 'An unexpected error occurred; it has been logged');
}

/** Network errors and PostgreSQL's "connection lost / shutting down" states (SQLSTATE 08xxx, 57P0x). */
const OUTAGE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENOTFOUND|08\d{3}|08P01|57P0[1-3])$/;
/** ioredis while Redis is away, pg when its connection drops mid-query, pg-pool when no connection freed up in time. */
const OUTAGE_MESSAGES =
  /^(Connection is closed\.|Connection terminated( unexpectedly|due to connection timeout)?|Reached the max retries per request limit.*|timeout exceeded when trying to connect)$/;

/**
 * PostgreSQL or Redis being restarted or unreachable: a 503 the client may retry, not a 500 bug.
 * Looks through the causes MikroORM and kysely wrap driver errors in.
 */
export function isServiceOutage(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const { code } = current as { code?: unknown };
    if (current instanceof ConnectionException) return true;
    if (typeof code === 'string' && OUTAGE_CODES.test(code)) return true;
    if (OUTAGE_MESSAGES.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some((inner) => isServiceOutage(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Errors raised by Fastify itself, before a route handler runs (body parsing, limits). */
export function fastifyProblem(status: number, fastifyCode: string | undefined, message: string | undefined): Problem {
  switch (fastifyCode) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'http.malformed-json', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'http.empty-json-body', 'Content-Type is application/json but the body is empty');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'http.payload-too-large', 'The request body exceeds the size limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'http.unsupported-media-type', message ?? 'Unsupported media type');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'http.invalid-content-length', 'Content-Length does not match the body');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // Fastify's message quotes the whole URL back: a fixed sentence instead.
      return problem(414, 'http.uri-too-long', 'A path segment is longer than the router accepts');
    default:
      if (status === 400 && message?.toLowerCase().includes('json')) {
        return problem(400, 'http.malformed-json', 'The request body is not valid JSON');
      }
      return problem(status, CODE_BY_STATUS[status] ?? `http.${status}`, message);
  }
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, body: Problem): void {
  const retryAfter = body.retryAfterSeconds;
  if (typeof retryAfter === 'number') {
    void reply.header('retry-after', String(Math.ceil(retryAfter)));
    // A spent rate limit also names itself, as the IETF RateLimit header fields do.
    if (typeof body.limit === 'number' && typeof body.windowSeconds === 'number')
      void reply.headers({
        'ratelimit-limit': String(body.limit),
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(Math.ceil(retryAfter)),
        'ratelimit-policy': `${body.limit};w=${body.windowSeconds}`,
      });
  }
  if (body.status === 401 && !reply.hasHeader('www-authenticate')) void reply.header('www-authenticate', 'Bearer');
  void reply
    .status(body.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send({ ...body, instance: request.url, requestId: String(request.id) });
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    sendProblem(http.getResponse<FastifyReply>(), http.getRequest<FastifyRequest>(), toProblem(error, this.logger));
  }
}
