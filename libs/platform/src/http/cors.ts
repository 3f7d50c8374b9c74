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

/** The CORS answer to one request that carries an `Origin`. */
export interface CorsDecision {
  /** Headers for the response; undefined when the origin is not allowed. */
  headers?: Record<string, string>;
  /** A preflight (`OPTIONS` with `Access-Control-Request-Method`): answer 204 at once and run nothing else. */
  preflight: boolean;
}

/**
 * The platform's CORS policy from the configured origins (empty: no browser origin is allowed; `*`: every
 * origin is reflected, with credentials), with every header value computed once. It replaces
 * `app.enableCors()`: @fastify/cors spread its options and wrote three headers on every request, Origin or
 * not, and Nest copied them again onto the raw response (ADR 0071).
 */
export class CorsPolicy {
  private readonly allowed: (origin: string) => boolean;
  private readonly exposed = CORS_RESPONSE_HEADERS.join(', ');
  private readonly preflightHeaders = {
    'access-control-allow-methods': CORS_METHODS.join(', '),
    'access-control-allow-headers': CORS_REQUEST_HEADERS.join(', '),
    // Browsers cache a preflight this long (Chromium caps it at 2 hours).
    'access-control-max-age': '7200',
  };

  /** Whether an answer can differ by `Origin`: then every answer says `Vary: Origin`, for shared caches. */
  readonly variesByOrigin: boolean;

  constructor(config: AppConfig) {
    const origins = config.http.corsOrigins;
    this.allowed = origins === '*' ? () => true : (origin) => origins.includes(origin);
    this.variesByOrigin = origins === '*' || origins.length > 0;
  }

  decide(origin: string, method: string, requestedMethod: unknown): CorsDecision {
    const preflight = method === 'OPTIONS' && typeof requestedMethod === 'string';
    if (!this.allowed(origin)) return preflight ? REFUSED_PREFLIGHT : NOT_ALLOWED;
    const headers = { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
    return preflight
      ? { headers: { ...headers, ...this.preflightHeaders }, preflight }
      : { headers: { ...headers, 'access-control-expose-headers': this.exposed }, preflight };
  }
}

const NOT_ALLOWED: CorsDecision = { preflight: false };
// Answered 204 without CORS headers, as before: the browser then refuses the call itself.
const REFUSED_PREFLIGHT: CorsDecision = { preflight: true };
