import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as Pino } from 'pino';

/** Probes and scrapes: frequent, uninteresting, and still counted in the metrics. */
const UNLOGGED = /^\/(health|metrics)/;

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** The logging scope of one HTTP request: its child logger, made only when something logs. */
class RequestLog {
  private child: Pino | undefined;

  constructor(
    private readonly root: Pino,
    private readonly request: FastifyRequest,
  ) {}

  get logger(): Pino {
    return (this.child ??= this.root.child({ req: requestFields(this.request) }));
  }
}

const scopes = new AsyncLocalStorage<RequestLog>();

/** The `req` of every request line, as the platform's pino-http serializer wrote it. */
function requestFields({ id, method, url }: FastifyRequest) {
  return { id, method, url };
}

/** The logger of the request being served (its lines carry `req.id`), else `root`. */
export function currentLogger(root: Pino): Pino {
  return scopes.getStore()?.logger ?? root;
}

/** A pino-shaped logger writing through the current request's logger: what nestjs-pino's `Logger` wraps. */
export function requestScopedLogger(root: Pino): Record<Level, (...args: unknown[]) => void> {
  const at =
    (level: Level) =>
    (...args: unknown[]) => {
      // Nest's calls come as loose argument lists; pino's overloads take them as they are.
      const logger = currentLogger(root) as unknown as Record<Level, (...logged: unknown[]) => void>;
      logger[level](...args);
    };
  return {
    trace: at('trace'),
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    fatal: at('fatal'),
  };
}

/**
 * The line pino-http wrote for each request: `req` {id, method, url}, `res` {statusCode, headers} (through
 * the root logger's serializers and redaction), `responseTime` in whole milliseconds; a 5xx adds `err`.
 */
function logRequestLine(root: Pino, request: FastifyRequest, reply: FastifyReply | undefined, message: string) {
  if (!root.isLevelEnabled('info') || UNLOGGED.test(request.url)) return;
  const line: Record<string, unknown> = { req: requestFields(request) };
  if (reply) {
    line.res = reply.raw;
    line.responseTime = Math.round(reply.elapsedTime);
    if (reply.statusCode >= 500) {
      line.err = new Error(`failed with status code ${reply.statusCode}`);
      return root.info(line, 'request errored');
    }
  }
  root.info(line, message);
}

/**
 * One structured line per request (none for health and metrics) and a request-scoped logger for whatever the
 * request logs, from Fastify hooks. pino-http, mounted as Nest middleware, ran through middie and made two
 * child loggers and three listeners on every request, logged or not (ADR 0069).
 */
export function installRequestLogging(fastify: FastifyInstance, root: Pino): void {
  fastify.addHook('onRequest', (request, _reply, done) => scopes.run(new RequestLog(root, request), done));
  fastify.addHook('onResponse', (request, reply, done) => {
    logRequestLine(root, request, reply, 'request completed');
    done();
  });
  // The client went away before the answer: no status, no response time (Fastify gives neither here).
  fastify.addHook('onRequestAbort', (request, done) => {
    logRequestLine(root, request, undefined, 'request aborted');
    done();
  });
}
