import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { WebhookStatus } from '../../../domain/webhook/webhook-event.js';
import type { WebhookEventView } from '../../webhook-views.js';

export class ListWebhooksQuery extends Query<Page<WebhookEventView>> {
  constructor(
    readonly filter: { status?: WebhookStatus; type?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
