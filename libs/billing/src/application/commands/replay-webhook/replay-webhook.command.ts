import { Command } from '@nestjs/cqrs';
import type { WebhookEventView } from '../../webhook-views.js';

export class ReplayWebhookCommand extends Command<WebhookEventView> {
  constructor(
    readonly webhookId: string,
    /** The admin replaying it, for the audit log. */
    readonly actorId: string,
  ) {
    super();
  }
}
