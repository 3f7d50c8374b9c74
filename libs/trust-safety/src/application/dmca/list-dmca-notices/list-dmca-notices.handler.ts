import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeKeysetCursor, encodeKeysetCursor } from '@lib/platform';
import { DmcaNoticeRepository } from '../../../domain/dmca/dmca-notice.repository.js';
import { toDmcaNoticeView } from '../dmca-views.js';
import { ListDmcaNoticesQuery } from './list-dmca-notices.query.js';

@QueryHandler(ListDmcaNoticesQuery)
export class ListDmcaNoticesHandler implements IQueryHandler<ListDmcaNoticesQuery> {
  constructor(private readonly notices: DmcaNoticeRepository) {}

  async execute({ filter, limit, cursor }: ListDmcaNoticesQuery) {
    const after = decodeKeysetCursor(cursor);
    const found = await this.notices.page(filter, limit + 1, after && { createdAt: after.at, id: after.id });
    const items = found.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(toDmcaNoticeView),
      ...(found.length > limit && last ? { nextCursor: encodeKeysetCursor(last.createdAt, last.id) } : {}),
    };
  }
}
