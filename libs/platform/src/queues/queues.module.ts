import { BullModule, getQueueToken } from '@nestjs/bull';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { Queue } from 'bull';
import { AppConfig } from '@config';
import { DEFAULT_JOB_OPTIONS, type QueueDeclaration } from './job-defaults.js';
import { QueueCatalog } from './queue-catalog.js';
import { RedisConnections } from './redis-connections.js';

@Global()
@Module({})
export class QueuesModule {
  /** Bull on the platform's Redis, namespaced by REDIS_PREFIX, with shared connections. */
  static forRoot(): DynamicModule {
    return {
      module: QueuesModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig, RedisConnections],
          useFactory: (config: AppConfig, connections: RedisConnections) => ({
            prefix: `${config.redis.prefix}:bull`,
            createClient: (type) => connections.forBull(type),
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
      ],
      providers: [QueueCatalog],
      exports: [QueueCatalog, BullModule],
    };
  }

  /** Declares queues (a context's jobs); processors live in the worker modules. */
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
          ...declarations.map((declaration) => ({
            name: declaration.name,
            defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...declaration.defaultJobOptions },
          })),
        ),
      ],
      providers: catalogued,
      exports: [BullModule],
    };
  }
}
