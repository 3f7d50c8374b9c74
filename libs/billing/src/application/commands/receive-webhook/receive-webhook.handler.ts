import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { faultPoint } from '@lib/platform';
import { WebhookEvent } from '../../../domain/webhook/webhook-event.js';
import { WebhookEventRepository } from '../../../domain/webhook/webhook-event.repository.js';
import { PaymentProvider } from '../../payment-provider.js';
import { WebhookQueue } from '../../webhooks/webhook-queue.js';
import { ReceiveWebhookCommand } from './receive-webhook.command.js';

/**
 * Verify, store, enqueue — nothing else happens in the request, so the provider gets its 2xx fast.
 * A failed enqueue is not an error: the stored row is picked up by the maintenance sweep. A
 * redelivery of an event never picked up (the process died between store and enqueue) enqueues it
 * again; the job id makes that a no-op when the first job exists.
 */
@CommandHandler(ReceiveWebhookCommand)
export class ReceiveWebhookHandler implements ICommandHandler<ReceiveWebhookCommand> {
  private readonly logger = new Logger(ReceiveWebhookHandler.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly webhooks: WebhookEventRepository,
    private readonly queue: WebhookQueue,
  ) {}

  async execute({ rawBody, signature }: ReceiveWebhookCommand) {
    const event = this.provider.verifyWebhook(rawBody, signature);
    const stored = await this.webhooks.store(
      new WebhookEvent(
        this.provider.name,
        event.id,
        event.type,
        event.payload,
        event.createdAt,
        event.providerCustomerId,
      ),
    );
    faultPoint('webhook.after-store');
    if (stored.awaiting) {
      await this.queue.enqueue(stored.id, 0).catch((error: unknown) => {
        this.logger.warn(
          { err: error, webhookId: stored.id },
          'webhook stored but not enqueued; the sweep will process it',
        );
      });
    }
    faultPoint('webhook.after-enqueue');
    return { id: stored.id, duplicate: stored.duplicate };
  }
}
