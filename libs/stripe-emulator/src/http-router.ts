/** Stripe's HTTP surface over a StripeEmulator: routing, form decoding, API keys, idempotency, expand, errors. */
import type { Mutation, RequestInfo, StripeEmulator } from './emulator.js';
import { StripeApiError } from './errors.js';
import { expandPaths } from './expand.js';
import { coerceParams, decodeForm, type ParamObject } from './form-encoding.js';
import { IdempotencyKeys, fingerprintOf } from './idempotency.js';
import { API_VERSION } from './objects/index.js';

export interface RouterRequest {
  method: string;
  /** e.g. `/v1/subscriptions/sub_123` (a query string here is tolerated and merged with `query`). */
  path: string;
  /** The raw query string, without '?'. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw `application/x-www-form-urlencoded` body. */
  body: string;
}

export interface RouterResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** One request the router answered, for tests to assert on. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Decoded parameters (query for GET/DELETE, body for POST), known integers and booleans typed. */
  params: ParamObject;
  idempotencyKey: string | null;
  /** When it arrived, by the emulator's clock. */
  at: Date;
  status: number;
  /** True when the response was a replay of an earlier one with the same Idempotency-Key. */
  replayed: boolean;
}

export interface StripeRouter {
  (request: RouterRequest): Promise<RouterResponse>;
  /** Every request answered so far, in arrival order. */
  readonly requests: RecordedRequest[];
}

export interface StripeRouterOptions {
  /** Where to record requests (default: a new array, exposed as router.requests). */
  requests?: RecordedRequest[];
  /** When given, only these secret keys are accepted; otherwise any sk_… or rk_… key. */
  apiKeys?: readonly string[];
}

interface RouteContext {
  params: ParamObject;
  id: string;
  request: RequestInfo;
}

type Handler = (context: RouteContext) => Promise<unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

export function createStripeRouter(emulator: StripeEmulator, options: StripeRouterOptions = {}): StripeRouter {
  const routes = stripeRoutes(emulator);
  const requests = options.requests ?? [];
  const idempotency = new IdempotencyKeys(emulator.store, () => emulator.now());

  const router = async (request: RouterRequest): Promise<RouterResponse> => {
    const method = request.method.toUpperCase();
    const [path, inlineQuery = ''] = request.path.split('?', 2);
    const headers = lowerCaseKeys(request.headers);
    const idempotencyKey = method === 'POST' ? (headers['idempotency-key'] ?? null) : null;
    const requestId = emulator.generateId('req');
    const at = new Date(emulator.now() * 1000);
    let params: ParamObject = {};
    let replayed = false;

    const respond = (status: number, body: unknown, extra: Record<string, string> = {}): RouterResponse => {
      requests.push({ method, path, params, idempotencyKey, at, status, replayed });
      const responseHeaders: Record<string, string> = {
        'request-id': requestId,
        'stripe-version': API_VERSION,
        ...extra,
      };
      if (idempotencyKey) responseHeaders['idempotency-key'] = idempotencyKey;
      return { status, body, headers: responseHeaders };
    };

    try {
      const decoded = {
        ...decodeForm(inlineQuery),
        ...decodeForm(request.query),
        ...(method === 'POST' ? decodeForm(request.body) : {}),
      };
      params = decoded;
      params = coerceParams(decoded);
      const apiKey = authenticate(headers['authorization'], options.apiKeys);
      const match = matchRoute(routes, method, path);
      const run = async () => {
        const context: RouteContext = { params, id: match.id, request: { requestId, idempotencyKey } };
        const body = await match.route.handler(context);
        return expandPaths(body, expandParam(params), (id) => emulator.retrieveObject(id));
      };
      if (!idempotencyKey) return respond(200, await run());

      const recordId = idempotency.recordId(apiKey, idempotencyKey);
      if (!idempotency.begin(recordId)) throw keyInUse(idempotencyKey);
      try {
        const fingerprint = fingerprintOf(method, path, params);
        const earlier = await idempotency.find(recordId);
        if (earlier && earlier.fingerprint !== fingerprint) throw keyReused(idempotencyKey);
        if (earlier) {
          replayed = true;
          return respond(earlier.status, earlier.body, { ...earlier.headers, 'idempotent-replayed': 'true' });
        }
        const answer = await answerOf(run);
        // Stripe saves the result once the endpoint ran (successes, card errors, server errors), not failed validation.
        if (answer.status < 400 || answer.status === 402 || answer.status >= 500) {
          await idempotency.remember(recordId, fingerprint, {
            status: answer.status,
            body: answer.body,
            headers: { 'request-id': requestId },
          });
        }
        return respond(answer.status, answer.body);
      } finally {
        idempotency.end(recordId);
      }
    } catch (error) {
      const answer = errorAnswer(error);
      return respond(answer.status, answer.body);
    }
  };
  return Object.assign(router, { requests });
}

async function answerOf(run: () => Promise<unknown>): Promise<{ status: number; body: unknown }> {
  try {
    return { status: 200, body: await run() };
  } catch (error) {
    return errorAnswer(error);
  }
}

function errorAnswer(error: unknown): { status: number; body: unknown } {
  if (error instanceof StripeApiError) return { status: error.status, body: error.toResponseBody() };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { error: { type: 'api_error', message: `The Stripe emulator failed: ${message}` } } };
}

// ----------------------------------------------------------------------------------------------- routes

function stripeRoutes(emulator: StripeEmulator): Route[] {
  const result = async <T>(mutation: Promise<Mutation<T>>) => (await mutation).result;
  return [
    route('POST', '/v1/customers', ({ params, request }) => result(emulator.createCustomer(params, request))),
    route('GET', '/v1/customers', ({ params }) => emulator.listCustomers(params)),
    route('GET', '/v1/customers/:id', ({ id }) => emulator.retrieveCustomer(id)),
    route('POST', '/v1/customers/:id', ({ id, params, request }) =>
      result(emulator.updateCustomer(id, params, request)),
    ),

    route('POST', '/v1/products', ({ params, request }) => result(emulator.createProduct(params, request))),
    route('GET', '/v1/products', ({ params }) => emulator.listProducts(params)),
    route('GET', '/v1/products/:id', ({ id }) => emulator.retrieveProduct(id)),
    route('POST', '/v1/products/:id', ({ id, params, request }) => result(emulator.updateProduct(id, params, request))),

    route('POST', '/v1/prices', ({ params, request }) => result(emulator.createPrice(params, request))),
    route('GET', '/v1/prices', ({ params }) => emulator.listPrices(params)),
    route('GET', '/v1/prices/:id', ({ id }) => emulator.retrievePrice(id)),
    route('POST', '/v1/prices/:id', ({ id, params, request }) => result(emulator.updatePrice(id, params, request))),

    route('POST', '/v1/checkout/sessions', ({ params, request }) =>
      result(emulator.createCheckoutSession(params, request)),
    ),
    route('GET', '/v1/checkout/sessions/:id', ({ id }) => emulator.retrieveCheckoutSession(id)),
    route('POST', '/v1/billing_portal/sessions', ({ params, request }) =>
      result(emulator.createPortalSession(params, request)),
    ),

    route('POST', '/v1/billing/meters', ({ params, request }) => result(emulator.createMeter(params, request))),
    route('GET', '/v1/billing/meters', ({ params }) => emulator.listMeters(params)),
    route('GET', '/v1/billing/meters/:id', ({ id }) => emulator.retrieveMeter(id)),
    route('POST', '/v1/billing/meter_events', ({ params, request }) =>
      result(emulator.createMeterEvent(params, request)),
    ),

    route('POST', '/v1/coupons', ({ params, request }) => result(emulator.createCoupon(params, request))),
    route('GET', '/v1/coupons', ({ params }) => emulator.listCoupons(params)),
    route('GET', '/v1/coupons/:id', ({ id }) => emulator.retrieveCoupon(id)),
    route('POST', '/v1/coupons/:id', ({ id, params, request }) => result(emulator.updateCoupon(id, params, request))),
    route('POST', '/v1/promotion_codes', ({ params, request }) =>
      result(emulator.createPromotionCode(params, request)),
    ),
    route('GET', '/v1/promotion_codes', ({ params }) => emulator.listPromotionCodes(params)),
    route('GET', '/v1/promotion_codes/:id', ({ id }) => emulator.retrievePromotionCode(id)),
    route('POST', '/v1/promotion_codes/:id', ({ id, params, request }) =>
      result(emulator.updatePromotionCode(id, params, request)),
    ),

    route('GET', '/v1/subscriptions', ({ params }) => emulator.listSubscriptions(params)),
    route('GET', '/v1/subscriptions/:id', ({ id }) => emulator.retrieveSubscription(id)),
    route('POST', '/v1/subscriptions/:id', ({ id, params, request }) =>
      result(emulator.updateSubscription(id, params, request)),
    ),
    route('DELETE', '/v1/subscriptions/:id', ({ id, params, request }) =>
      result(emulator.cancelSubscription(id, params, request)),
    ),
    route('POST', '/v1/subscriptions/:id/pause', ({ id, params, request }) =>
      result(emulator.pauseSubscription(id, params, request)),
    ),
    route('POST', '/v1/subscriptions/:id/resume', ({ id, params, request }) =>
      result(emulator.resumeSubscription(id, params, request)),
    ),

    route('GET', '/v1/invoices', ({ params }) => emulator.listInvoices(params)),
    route('POST', '/v1/invoices/create_preview', ({ params }) => emulator.createInvoicePreview(params)),
    route('GET', '/v1/invoices/:id', ({ id }) => emulator.retrieveInvoice(id)),
    route('POST', '/v1/invoices/:id', ({ id, params, request }) => result(emulator.updateInvoice(id, params, request))),
    route('GET', '/v1/invoice_payments', ({ params }) => emulator.listInvoicePayments(params)),
    route('GET', '/v1/invoice_payments/:id', ({ id }) => emulator.retrieveInvoicePayment(id)),
    route('GET', '/v1/payment_intents/:id', ({ id }) => emulator.retrievePaymentIntent(id)),
    route('GET', '/v1/charges/:id', ({ id }) => emulator.retrieveCharge(id)),
    route('POST', '/v1/refunds', ({ params, request }) => result(emulator.createRefund(params, request))),
    route('GET', '/v1/refunds/:id', ({ id }) => emulator.retrieveRefund(id)),
    route('GET', '/v1/disputes', ({ params }) => emulator.listDisputes(params)),
    route('GET', '/v1/disputes/:id', ({ id }) => emulator.retrieveDispute(id)),

    route('POST', '/v1/accounts', ({ params, request }) => result(emulator.createAccount(params, request))),
    route('GET', '/v1/accounts/:id', ({ id }) => emulator.retrieveAccount(id)),
    route('POST', '/v1/accounts/:id', ({ id, params, request }) => result(emulator.updateAccount(id, params, request))),
    route('POST', '/v1/account_links', ({ params, request }) => result(emulator.createAccountLink(params, request))),
    route('POST', '/v1/transfers', ({ params, request }) => result(emulator.createTransfer(params, request))),
    route('GET', '/v1/transfers/:id', ({ id }) => emulator.retrieveTransfer(id)),
    route('POST', '/v1/transfers/:id/reversals', ({ id, params, request }) =>
      result(emulator.createTransferReversal(id, params, request)),
    ),
    route('GET', '/v1/application_fees/:id', ({ id }) => emulator.retrieveApplicationFee(id)),
    route('GET', '/v1/payouts/:id', ({ id }) => emulator.retrievePayout(id)),

    route('GET', '/v1/events', ({ params }) => emulator.listEvents(params)),
    route('GET', '/v1/events/:id', ({ id }) => emulator.retrieveEvent(id)),
  ];
}

function route(method: string, template: string, handler: Handler): Route {
  const pattern = new RegExp(`^${template.replace(':id', '([^/]+)')}/?$`);
  return { method, pattern, handler };
}

function matchRoute(routes: Route[], method: string, path: string): { route: Route; id: string } {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (match) return { route: candidate, id: decodeURIComponent(match[1] ?? '') };
  }
  throw new StripeApiError(404, {
    type: 'invalid_request_error',
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

// ----------------------------------------------------------------------------------------- request parts

function lowerCaseKeys(headers: RouterRequest['headers']): Record<string, string> {
  const lowered: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) lowered[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return lowered;
}

/** The secret key from `Authorization: Bearer sk_…` (or Basic with the key as user name, as curl -u sends it). */
function authenticate(authorization: string | undefined, allowed: readonly string[] | undefined): string {
  const key = apiKeyOf(authorization);
  if (!key) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    });
  }
  const wellFormed = /^(sk|rk)_[A-Za-z0-9_]+$/.test(key);
  if (!wellFormed || (allowed && !allowed.includes(key))) {
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      code: 'api_key_invalid',
      message: `Invalid API Key provided: ${redact(key)}`,
    });
  }
  return key;
}

function apiKeyOf(authorization: string | undefined): string | null {
  if (!authorization) return null;
  const [scheme, credentials = ''] = authorization.trim().split(/\s+/, 2);
  if (scheme.toLowerCase() === 'bearer') return credentials || null;
  if (scheme.toLowerCase() === 'basic')
    return Buffer.from(credentials, 'base64').toString('utf8').split(':')[0] || null;
  return null;
}

function redact(key: string): string {
  return key.length <= 12
    ? key.replace(/.(?=.{4})/g, '*')
    : `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}

function expandParam(params: ParamObject): string[] {
  const expand = params.expand;
  if (expand === undefined) return [];
  return (Array.isArray(expand) ? expand : [expand]).filter((path): path is string => typeof path === 'string');
}

function keyReused(key: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'idempotency_error',
    message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
  });
}

function keyInUse(key: string): StripeApiError {
  return new StripeApiError(409, {
    type: 'idempotency_error',
    code: 'idempotency_key_in_use',
    message: `There is currently another in-progress request using this Idempotency-Key ('${key}'). Please try again later.`,
  });
}
