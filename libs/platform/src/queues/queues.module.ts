import { BullModule, getQueueToken } from '@nestjs/bull';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bull';
import { AppConfig } from '@config';
import { DEFAULT_JOB_OPTIONS, type QueueDeclaration } from './job-defaults.js';
import { JobRunner } from './job-runner.js';
import { QueueCatalog } from './queue-catalog.js';
import { RedisConnections } from './redis-connections.js';

@Global()
@Module({})
export class QueuesModule {
  /**
   * Bull on the platform's Redis, namespaced by REDIS_PREFIX, with shared connections; and the runner
   * of every provider's `@OnJob` handlers (checked at boot, attached in worker processes).
   */
  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          inject: [AppConfig, RedisConnections],
          useFactory: (config: AppConfig, connections: RedisConnections) => ({
            prefix: `${config.redis.prefix}:bull`,
            createClient: (type) => connections.forBull(type),
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
            // A killed worker's job is run again by any worker once its lock expires, even after a second death (ADR 0049).
            settings: {
              lockDuration: config.queues.lockDurationMs,
              stalledInterval: config.queues.stalledIntervalMs,
              maxStalledCount: config.queues.maxStalledCount,
            },
          }),
        }),
      ],
      providers: [QueueCatalog, JobRunner],
      exports: [QueueCatalog, BullModule],
    };
  }

  /**
   * Declares queues (a context's jobs). Each needs an `@OnJob` handler on one of the process's
   * providers, which also declares its job options; boot fails otherwise.
   */
  static register(...declarations: QueueDeclaration[]): DynamicModule {
    const catalogued: Provider[] = declarations.map((declaration) => ({
      provide: `showrunner:queue-catalogued:${declaration.name}`,
      inject: [QueueCatalog, getQueueToken(declaration.name)],
      useFactory: (catalog: QueueCatalog, queue: Queue) => catalog.add(declaration, queue),
    }));
    return {
      module: QueuesModule,
      imports: [
        BullModule.registerQueue(
          // The handler's declared options replace these at module init (JobRunner).
          ...declarations.map((declaration) => ({
            name: declaration.name,
            defaultJobOptions: { ...DEFAULT_JOB_OPTIONS },
          })),
        ),
      ],
      providers: catalogued,
      exports: [BullModule],
    };
  }
}
