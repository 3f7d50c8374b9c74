import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Global, Module } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, PinoLogger, type Params } from 'nestjs-pino';
import { AppConfig } from '@config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The request id: the caller's `x-request-id` when it is sane, else a new one (Fastify's genReqId). */
export function requestIdOf(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  // Not written back into the headers (a new property on every request's header object): read `request.id`.
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The root logger's options: level, redaction of secrets, and the short `req` of every line. */
export function loggingParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    },
  };
}

/**
 * Structured JSON logs (pino) through nestjs-pino's `Logger`, without its pino-http middleware: the HTTP app
 * writes one line per request with its id from Fastify hooks instead (`installRequestLogging`, ADR 0069).
 */
@Global()
@Module({
  providers: [{ provide: PARAMS_PROVIDER_TOKEN, inject: [AppConfig], useFactory: loggingParams }, PinoLogger, Logger],
  exports: [PARAMS_PROVIDER_TOKEN, PinoLogger, Logger],
})
export class LoggingModule {}
