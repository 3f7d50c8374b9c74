import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DmcaNoticeRepository } from '../../../domain/dmca/dmca-notice.repository.js';
import { DmcaNoticeNotFoundError } from '../../../domain/dmca/dmca.errors.js';
import { toDmcaNoticeView } from '../dmca-views.js';
import { GetDmcaNoticeQuery } from './get-dmca-notice.query.js';

@QueryHandler(GetDmcaNoticeQuery)
export class GetDmcaNoticeHandler implements IQueryHandler<GetDmcaNoticeQuery> {
  constructor(private readonly notices: DmcaNoticeRepository) {}

  async execute({ noticeId }: GetDmcaNoticeQuery) {
    const notice = await this.notices.byId(noticeId);
    if (!notice) throw new DmcaNoticeNotFoundError(noticeId);
    return toDmcaNoticeView(notice);
  }
}
