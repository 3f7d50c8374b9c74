import { Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { QueuesModule } from '../queues/queues.module.js';
import { Inbox } from './inbox/inbox.js';
import { consumerOptionsOf } from './consumer.js';
import { MessagingRegistry, type ContextMessaging } from './messaging-registry.js';
import { OutboxWriter } from './outbox/outbox-writer.js';
import { ConsumerRunner } from './relay/consumer-runner.js';
import { OutboxRelay } from './relay/outbox-relay.js';

@Module({})
class MessagingCoreModule implements OnModuleInit {
  constructor(
    private readonly orm: MikroORM,
    private readonly registry: MessagingRegistry,
  ) {}

  onModuleInit(): void {
    // Every context registered while its module was built; check the wiring before anything runs.
    this.registry.seal();
    this.orm.em.getEventManager().registerSubscriber(new OutboxWriter(this.registry));
  }
}

@Module({})
export class MessagingModule {
  /**
   * The outbox, the inbox and the registry for the whole process. The worker also runs the relay
   * (outbox → queues) and the consumers.
   */
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: MessagingCoreModule,
      global: true,
      providers: [MessagingRegistry, Inbox, ...(options.worker ? [OutboxRelay, ConsumerRunner] : [])],
      exports: [MessagingRegistry, Inbox, ...(options.worker ? [OutboxRelay] : [])],
    };
  }

  /**
   * What one context publishes and consumes. Its consumer classes must also be providers of the
   * context's own module (they use its repositories); each gets a queue named after it.
   */
  static forContext(context: ContextMessaging): DynamicModule {
    const queueNames = (context.consumers ?? []).map((consumer) => ({
      name: consumerOptionsOf(consumer).name,
      processedBy: 'event-consumer' as const,
    }));
    return {
      module: MessagingModule,
      imports: queueNames.length ? [QueuesModule.register(...queueNames)] : [],
      providers: [
        {
          provide: Symbol('context-messaging'),
          inject: [MessagingRegistry],
          useFactory: (registry: MessagingRegistry) => registry.register(context),
        },
      ],
    };
  }
}
