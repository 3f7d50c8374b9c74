// The platform's public surface for contexts and apps. Domain code imports '@lib/platform/ddd' only.
export { AggregateRoot, DomainEvent, DomainError, newId, stableId, type DomainErrorKind } from './ddd/index.js';

export { PlatformModule, type PlatformModuleOptions } from './platform.module.js';
export { ProcessRole } from './process-role.js';

export { ROLES, type Principal, type Role } from './auth/principal.js';
export { AccessTokens } from './auth/access-tokens.js';
export { AuthGuard, hasRole } from './auth/auth.guard.js';
export {
  AllowedWhileBanned,
  AllowedWhileSuspended,
  ApiKeyScope,
  CurrentUser,
  Public,
  Roles,
} from './auth/decorators.js';
export {
  AccountRestrictions,
  ApiKeyAuthenticator,
  PasswordAuthenticator,
  API_KEY_PREFIX,
} from './auth/credential-ports.js';
export { RequestAuthenticator } from './auth/request-authenticator.js';
export { SessionRevocations } from './auth/session-revocations.js';
export { ForbiddenError, RateLimitedError, UnauthenticatedError } from './auth/auth.errors.js';
export { RateLimiter, type RateHit, type RateLimitState, type RatePolicy } from './rate-limit/rate-limiter.js';
export {
  WriteBudget,
  WriteBudgetScaling,
  type WriteBudgetLimits,
  type WriteBudgetOverride,
} from './rate-limit/write-budget.js';
export { WriteRateLimitGuard } from './rate-limit/write-rate-limit.guard.js';

export { createHttpApp } from './http/http-app.js';
export { routeFactsByOperation, type RouteAccess, type RouteFacts } from './http/route-facts.js';
export { IpBlockList } from './http/ip-block-list.js';
export { ApiProblems, ProblemDocument } from './http/openapi.js';
export {
  CursorPageQuery,
  decodeCursor,
  decodeKeysetCursor,
  encodeCursor,
  encodeKeysetCursor,
  InvalidCursorError,
  MAX_PAGE_SIZE,
  type Page,
} from './http/pagination.js';
export { problem, STATUS_BY_KIND, type Problem } from './http/problem.js';
export {
  AlternativeTo,
  createValidationPipe,
  ValidateWhen,
  ValidationFailedException,
  type FieldProblem,
} from './http/validation.js';

export * from './messaging/index.js';

export { QueuesModule } from './queues/queues.module.js';
export { QueueCatalog } from './queues/queue-catalog.js';
export { RedisConnections } from './queues/redis-connections.js';
export { DEFAULT_JOB_OPTIONS, type QueueDeclaration } from './queues/job-defaults.js';
export { OnJob, OnWorkerStart, type JobDeclaration, type JobSchedule } from './queues/on-job.js';
export { JobsConfigurationError } from './queues/errors.js';

export * from './search/search-index.js';
export { SearchModule, SearchIndexCatalog } from './search/search.module.js';
export { rebuildIndex, type SearchIndexSource } from './search/reindex.js';

export { RealtimeEmitter } from './realtime/realtime-emitter.js';
export {
  DocumentSocketEvents,
  declaredSocketEvents,
  serverEvent,
  type DocumentedClientEvent,
  type DocumentedServerEvent,
  type ServerEvent,
  type SocketEventDocs,
} from './realtime/socket-events.js';
export { handledSocketEvents, socketEventDocs } from './realtime/asyncapi.js';
export * as SocketSchema from './realtime/socket-schemas.js';
export { AUTH_EXPIRED, AUTH_REVOKED, SERVER_SHUTDOWN, SOCKET_EXCEPTION } from './realtime/platform-socket-events.js';
export { drainHttpApp } from './http/http-drain.js';
export { userRoom } from './realtime/rooms.js';
export { WsProblemFilter } from './realtime/ws-problem.filter.js';
export type { SocketData } from './realtime/socket-io.adapter.js';

export { MailDeliveryError, Mailer, type MailMessage } from './mail/mailer.js';

export { Metrics } from './observability/metrics.js';
export { Stopwatch } from './observability/stopwatch.js';
export { PlatformLogger } from './observability/platform-logger.js';
export { BoundSql } from './persistence/bound-sql.js';
export { UnitOfWork, type TransactionOptions } from './persistence/unit-of-work.js';
export { declaredEntities, migrateDatabase, ormOptions, PersistenceModule } from './persistence/index.js';
export { inRequestContext } from './persistence/request-context.js';
export { resolveRuntime, type PlatformRuntime } from './runtime/resolve-services.js';
export { shutdownOnSignals } from './runtime/shutdown.js';
export { faultPoint, type FaultPointName } from './runtime/fault-points.js';
