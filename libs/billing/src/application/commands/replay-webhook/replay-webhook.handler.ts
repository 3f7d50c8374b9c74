import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '@lib/trust-safety/contracts';
import { WebhookEventRepository } from '../../../domain/webhook/webhook-event.repository.js';
import { WebhookNotFoundError } from '../../../domain/webhook/webhook-event.errors.js';
import { WebhookQueue } from '../../webhooks/webhook-queue.js';
import { toWebhookEventView } from '../../webhook-views.js';
import { ReplayWebhookCommand } from './replay-webhook.command.js';

/**
 * Processes a stored event again. Safe for any event: processing compares states, so replaying an
 * event already applied changes nothing.
 */
@CommandHandler(ReplayWebhookCommand)
export class ReplayWebhookHandler implements ICommandHandler<ReplayWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookEventRepository,
    private readonly queue: WebhookQueue,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
  ) {}

  async execute({ webhookId, actorId }: ReplayWebhookCommand) {
    const event = await this.unitOfWork.transactional(async () => {
      const found = await this.webhooks.byIdForUpdate(webhookId);
      if (!found) throw new WebhookNotFoundError(webhookId);
      found.status = 'received';
      found.nextAttemptAt = null;
      await this.audit.record({
        actorId,
        action: 'billing.webhook.replayed',
        target: { type: 'webhook-event', id: webhookId },
        data: { attempts: found.attempts },
      });
      return found;
    });
    await this.queue.enqueue(event.id, event.attempts);
    return toWebhookEventView(event);
  }
}
