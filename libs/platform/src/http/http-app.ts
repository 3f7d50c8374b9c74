import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '@config';
import { Metrics } from '../observability/metrics.js';
import { PlatformLogger } from '../observability/platform-logger.js';
import { inRequestContext } from '../persistence/request-context.js';
import { requestIdOf } from '../observability/logging.module.js';
import { installRequestLogging, requestScopedLogger } from '../observability/request-logging.js';
import { documentWriteBudgets } from '../rate-limit/write-budget-docs.js';
import { documentValidationConstraints } from './openapi-constraints.js';
import { buildAsyncApiDocument, socketEventDocs, socketPayloadModels } from '../realtime/asyncapi.js';
import { RedisIoAdapter } from '../realtime/socket-io.adapter.js';
import { mountBullBoard } from './bull-board.js';
import { trackForDrain } from './http-drain.js';
import { CorsPolicy } from './cors.js';
import { IpBlockList } from './ip-block-list.js';
import { problem } from './problem.js';
import { documentAccessRules } from './route-facts.js';
import { sendProblem } from './problem-details.filter.js';
import { MAX_INPUT_DEPTH } from './hostile-input.js';
import { clientErrorProblem, frameworkErrorProblem, refuseHostileInput } from './refuse-hostile-input.hook.js';
import { API_SECURITY_HEADERS, PAGE_SECURITY_HEADERS } from './security-headers.js';

/**
 * Builds the HTTP application (not yet listening): Fastify with the platform's security headers, CORS,
 * problem+json errors (including Fastify's own body and URL errors), hostile-input refusal on every
 * route, request ids, metrics, Socket.IO, OpenAPI at /docs and Bull Board at /admin/queues.
 */
export async function createHttpApp(rootModule: DynamicModule, config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    genReqId: requestIdOf,
    // No Nest middleware exists (request logging and the unit of work are Fastify hooks): without middie, no
    // request pays for its hook. A module that adds middleware fails at boot instead (ADR 0071).
    skipMiddie: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorProblem,
    clientErrorHandler: clientErrorProblem,
    logger: false,
  });
  // rawBody: webhook signatures are computed over the exact bytes received.
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
    rawBody: true,
  });
  try {
    app.get(Logger); // builds the root logger (PinoLogger.root)
    const rootLogger = PinoLogger.root;
    // Nest's log calls go through the request's own logger while it is served, so they carry its id.
    app.useLogger(new PlatformLogger(new Logger(requestScopedLogger(rootLogger) as unknown as PinoLogger, {})));
    app.flushLogs();
    const fastify = app.getHttpAdapter().getInstance();
    installRequestLogging(fastify, rootLogger);

    // Each request gets its own unit of work, forked only if the request touches the database (a Fastify
    // hook rather than MikroORM's Nest middleware, which forks eagerly and runs through middie).
    const orm = app.get(MikroORM);
    fastify.addHook('onRequest', (_request, _reply, done) => inRequestContext(orm.em, done));

    // Before the address check, so that a refusal carries CORS headers too (a browser app can then read it).
    const cors = new CorsPolicy(config);
    fastify.addHook('onRequest', (request, reply, done) => {
      const origin = request.headers.origin;
      if (origin === undefined) return done();
      const decision = cors.decide(origin, request.method, request.headers['access-control-request-method']);
      if (decision.headers) void reply.headers(decision.headers);
      if (!decision.preflight) return done();
      void reply.code(204).header('content-length', '0').send();
    });

    // Before anything else (routing, body parsing, authentication): a blocked address gets no further.
    const ipBlocks = app.get(IpBlockList);
    const refuse = (request: FastifyRequest, reply: FastifyReply) =>
      sendProblem(reply, request, problem(403, 'http.ip.blocked', 'Requests from this address are blocked'));
    // Callback hooks, answered synchronously in the usual case: a promise per hook per request adds up.
    fastify.addHook('onRequest', (request, reply, done) => {
      const blocked = ipBlocks.isBlockedNow(request.ip);
      if (blocked === false) return done();
      if (blocked) return void refuse(request, reply);
      ipBlocks.isBlocked(request.ip).then((late) => (late ? void refuse(request, reply) : done()), done);
    });

    fastify.addHook('onSend', (request, reply, payload, done) => {
      const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      void reply
        .headers(html ? PAGE_SECURITY_HEADERS : API_SECURITY_HEADERS)
        .header('x-request-id', String(request.id));
      if (cors.variesByOrigin) void reply.header('vary', 'Origin');
      done(null, payload);
    });
    fastify.addHook('preValidation', refuseHostileInput);
    const metrics = app.get(Metrics);
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpDuration.observe(request.method, route, String(reply.statusCode), reply.elapsedTime / 1_000);
      done();
    });

    const sockets = new RedisIoAdapter(app);
    app.useWebSocketAdapter(sockets);
    trackForDrain(app, sockets);

    if (config.http.docsEnabled) {
      // Built on the first request, not at boot: generating them costs about a second of CPU that every start
      // (each node of a scale-out, each test file) would otherwise pay before serving anything.
      let documents: ReturnType<typeof buildApiDocuments> | undefined;
      const built = () => (documents ??= buildApiDocuments(app));
      SwaggerModule.setup('docs', app, () => built().openApi, { jsonDocumentUrl: 'docs-json' });
      fastify.get('/docs-asyncapi.json', async () => built().asyncApi);
    }
    await mountBullBoard(app, fastify);
    await app.init();
  } catch (error) {
    // A boot that fails half-way must not leave its connections open.
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

/** The OpenAPI document of every route and, sharing its schemas, the AsyncAPI document of the Socket.IO events. */
function buildApiDocuments(app: NestFastifyApplication) {
  const socketDocs = socketEventDocs(app);
  const openApi = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Showrunner API')
      .setDescription(
        'The backend of a creator-subscription media platform. Errors are application/problem+json with a stable `code`. ' +
          'On every route, a NUL byte or lone surrogate in a path, query or body value (or property name) is 400 `validation.failed`, ' +
          `and JSON nested deeper than ${MAX_INPUT_DEPTH} levels is 400 \`validation.too-deep\`. ` +
          'Every mutating route and socket event spends a write budget per user and per IP address (`x-rate-limit`); ' +
          'over it: 429 `http.rate-limit.exceeded` with Retry-After and RateLimit-* headers. ' +
          'A request with an `sr_` API key whose owner’s plan no longer has `api_access` is 402 `billing.plan.upgrade-required`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT or sr_ API key' })
      .build(),
    { extraModels: socketPayloadModels(socketDocs) },
  );
  documentValidationConstraints(app, openApi);
  documentWriteBudgets(app, openApi);
  documentAccessRules(app, openApi);
  return { openApi, asyncApi: buildAsyncApiDocument(socketDocs, openApi) };
}
