import type { AppConfig } from '@config';

/** Every method a route or the tus upload endpoint answers; a browser preflight must allow them all. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Request headers the API reads (auth, idempotency, tracing, and the tus protocol's own). */
export const CORS_REQUEST_HEADERS = [
  'Accept',
  'Accept-Language',
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Request-Id',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Offset',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'Upload-Concat',
  'X-HTTP-Method-Override',
  'X-Requested-With',
];

/** Response headers a browser script may read: without this list it sees only the CORS-safelisted few. */
export const CORS_RESPONSE_HEADERS = [
  'Location',
  'Retry-After',
  'X-Request-Id',
  'Idempotent-Replayed',
  'Content-Disposition',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'RateLimit-Policy',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
];

/** `@fastify/cors` options from the configured origins (empty: no browser origin is allowed). */
export function corsOptions(config: AppConfig) {
  const origins = config.http.corsOrigins;
  return {
    origin: origins === '*' ? true : origins,
    credentials: true,
    // Joined once: @fastify/cors joins an array again on every request.
    methods: CORS_METHODS.join(', '),
    allowedHeaders: CORS_REQUEST_HEADERS.join(', '),
    exposedHeaders: CORS_RESPONSE_HEADERS.join(', '),
    // Browsers cache a preflight this long (Chromium caps it at 2 hours).
    maxAge: 7_200,
  };
}
