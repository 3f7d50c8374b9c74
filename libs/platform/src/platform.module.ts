import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { AccessTokens } from './auth/access-tokens.js';
import { AuthGuard } from './auth/auth.guard.js';
import { RequestAuthenticator } from './auth/request-authenticator.js';
import { SessionRevocations } from './auth/session-revocations.js';
import { IpBlockList } from './http/ip-block-list.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { createValidationPipe } from './http/validation.js';
import { Mailer } from './mail/mailer.js';
import { mailerProvider } from './mail/mailer.provider.js';
import { MessagingModule } from './messaging/messaging.module.js';
import { OutboxMessageSchema } from './messaging/outbox/outbox-message.js';
import { HealthChecks } from './observability/health-checks.js';
import { HealthController } from './observability/health.controller.js';
import { ShutdownState } from './http/http-drain.js';
import { LoggingModule } from './observability/logging.module.js';
import { Metrics, MetricsController } from './observability/metrics.js';
import { WorkerProbeServer } from './observability/worker-probe-server.js';
import { ormOptions } from './persistence/orm-options.js';
import { declaredEntities } from './persistence/persistence.module.js';
import { BoundSql } from './persistence/bound-sql.js';
import { SqlOutbox } from './messaging/outbox/sql-outbox.js';
import { MikroOrmUnitOfWork, UnitOfWork } from './persistence/unit-of-work.js';
import { ProcessRole } from './process-role.js';
import { QueuesModule } from './queues/queues.module.js';
import { RedisConnections } from './queues/redis-connections.js';
import { RateLimiter } from './rate-limit/rate-limiter.js';
import { WriteRateLimitGuard } from './rate-limit/write-rate-limit.guard.js';
import { RealtimeEmitter } from './realtime/realtime-emitter.js';
import { PLATFORM_SOCKET_EVENTS } from './realtime/platform-socket-docs.js';
import { RealtimeGateway } from './realtime/realtime.gateway.js';
import { DocumentSocketEvents } from './realtime/socket-events.js';
import { SocketPayloadScreen } from './realtime/socket-payload-screen.js';
import { SearchModule } from './search/search.module.js';

export interface PlatformModuleOptions {
  config: AppConfig;
  /** Serve HTTP and sockets (the API process). */
  http: boolean;
  /** Run the outbox relay, consumers and job processors (the worker process). */
  worker: boolean;
}

/** Configuration and connections every other module builds on. */
@Global()
@Module({})
class PlatformCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const shared: Provider[] = [{ provide: AppConfig, useValue: config }, RedisConnections];
    return { module: PlatformCoreModule, providers: shared, exports: shared };
  }
}

/** The platform under every context: persistence, messaging, queues, search, auth, real time, mail, HTTP. */
@Global()
@Module({})
@DocumentSocketEvents(PLATFORM_SOCKET_EVENTS)
export class PlatformModule {
  static forRoot({ config, http, worker }: PlatformModuleOptions): DynamicModule {
    const services: Provider[] = [
      AccessTokens,
      SessionRevocations,
      RequestAuthenticator,
      RateLimiter,
      IpBlockList,
      RealtimeEmitter,
      Metrics,
      HealthChecks,
      WorkerProbeServer,
      ShutdownState,
      mailerProvider,
      { provide: UnitOfWork, useClass: MikroOrmUnitOfWork },
      BoundSql,
      SqlOutbox,
      { provide: ProcessRole, useValue: new ProcessRole(http, worker) },
    ];
    return {
      module: PlatformModule,
      imports: [
        PlatformCoreModule.forRoot(config),
        LoggingModule,
        MikroOrmModule.forRootAsync({
          driver: PostgreSqlDriver,
          inject: [AppConfig],
          useFactory: (appConfig: AppConfig) => ({
            ...ormOptions({
              databaseUrl: appConfig.database.url,
              poolMax: appConfig.database.poolMax,
              poolAcquireTimeoutMs: appConfig.database.poolAcquireTimeoutMs,
              poolIdleTimeoutMs: appConfig.database.poolIdleTimeoutMs,
              entities: [OutboxMessageSchema, ...declaredEntities()],
            }),
            // HTTP requests get their EntityManager fork from a Fastify hook (createHttpApp), lazily.
            registerRequestContext: false,
          }),
        }),
        QueuesModule.forRoot(),
        MessagingModule.forRoot({ worker }),
        SearchModule.forRoot(),
        CqrsModule.forRoot(),
      ],
      controllers: http ? [HealthController, MetricsController] : [],
      providers: [
        ...services,
        ...(http
          ? [
              { provide: APP_GUARD, useClass: AuthGuard },
              // After authentication (guards run in this order): it counts per user as well as per IP.
              { provide: APP_GUARD, useClass: WriteRateLimitGuard },
              { provide: APP_FILTER, useClass: ProblemDetailsFilter },
              { provide: APP_PIPE, useFactory: createValidationPipe },
              RealtimeGateway,
              SocketPayloadScreen,
            ]
          : []),
      ],
      exports: [
        AccessTokens,
        SessionRevocations,
        RequestAuthenticator,
        RateLimiter,
        IpBlockList,
        RealtimeEmitter,
        Metrics,
        HealthChecks,
        WorkerProbeServer,
        Mailer,
        UnitOfWork,
        BoundSql,
        SqlOutbox,
        ProcessRole,
      ],
    };
  }
}
