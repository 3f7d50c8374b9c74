import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { FeedReadModel, type FeedEntry } from '../../feed.read-model.js';
import { GetWhatsNewQuery } from './get-whats-new.query.js';

/** What's new on the platform for logged-out visitors: only free, public items, so nothing is locked. */
@QueryHandler(GetWhatsNewQuery)
export class GetWhatsNewHandler implements IQueryHandler<GetWhatsNewQuery> {
  constructor(private readonly feed: FeedReadModel) {}

  async execute({ limit }: GetWhatsNewQuery): Promise<{ items: FeedEntry[] }> {
    const rows = await this.feed.whatsNew(limit);
    return { items: rows.map((entry) => ({ ...entry, locked: false })) };
  }
}
