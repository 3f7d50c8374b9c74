import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Job } from 'bull';
import { afterCommit } from '../../persistence/after-commit.js';
import { faultPoint } from '../../runtime/fault-points.js';
import { QueueCatalog } from '../../queues/queue-catalog.js';
import type { EventConsumer } from '../consumer.js';
import { InvalidIntegrationEventError, UnknownIntegrationEventError } from '../errors.js';
import { Inbox, type InboxOutcome } from '../inbox/inbox.js';
import type { IntegrationEventEnvelope } from '../integration-event.js';
import { MessagingRegistry, type RegisteredConsumer } from '../messaging-registry.js';

/** In the worker: attaches every registered consumer to its queue, delivering through the inbox. */
@Injectable()
export class ConsumerRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger(ConsumerRunner.name);

  constructor(
    private readonly registry: MessagingRegistry,
    private readonly queues: QueueCatalog,
    private readonly inbox: Inbox,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    for (const consumer of this.registry.allConsumers()) {
      const instance = this.moduleRef.get<EventConsumer>(consumer.target, { strict: false });
      const queue = this.queues.get(consumer.options.name);
      void queue.process(consumer.options.concurrency, (job: Job<IntegrationEventEnvelope>) =>
        this.deliver(consumer, instance, job),
      );
    }
  }

  async deliver(
    consumer: RegisteredConsumer,
    instance: EventConsumer,
    job: Job<IntegrationEventEnvelope>,
  ): Promise<InboxOutcome> {
    const envelope = job.data;
    let event;
    try {
      event = this.registry.deserialize(envelope.type, envelope.payload);
    } catch (error) {
      if (error instanceof InvalidIntegrationEventError || error instanceof UnknownIntegrationEventError) {
        await job.discard(); // retrying cannot fix a payload; it waits in the failed list for a human
      }
      throw error;
    }
    const outcome = await this.inbox.once(envelope.id, consumer.options.name, async (em) => {
      await instance.handle({ event, envelope, em, afterCommit });
      faultPoint('consumer.before-commit', consumer.options.name);
    });
    if (outcome === 'processed') faultPoint('consumer.after-commit', consumer.options.name);
    if (outcome === 'duplicate') {
      this.logger.debug({ consumer: consumer.options.name, eventId: envelope.id }, 'duplicate delivery ignored');
    }
    return outcome;
  }
}
