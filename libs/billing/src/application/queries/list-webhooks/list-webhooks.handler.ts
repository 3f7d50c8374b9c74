import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WebhookEventRepository } from '../../../domain/webhook/webhook-event.repository.js';
import { toWebhookEventView } from '../../webhook-views.js';
import { beforeIdOf, pageOf } from '../paging.js';
import { ListWebhooksQuery } from './list-webhooks.query.js';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly webhooks: WebhookEventRepository) {}

  async execute({ filter, limit, cursor }: ListWebhooksQuery) {
    const rows = await this.webhooks.page(filter, limit + 1, beforeIdOf(cursor));
    return pageOf(rows, limit, toWebhookEventView);
  }
}
