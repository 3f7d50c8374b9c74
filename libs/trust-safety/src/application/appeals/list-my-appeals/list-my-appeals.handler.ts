import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppealRepository } from '../../../domain/appeals/appeal.js';
import { toAppealView } from '../appeal-views.js';
import { ListMyAppealsQuery } from './list-my-appeals.query.js';

/** A member's own appeals, newest first, with each outcome. */
@QueryHandler(ListMyAppealsQuery)
export class ListMyAppealsHandler implements IQueryHandler<ListMyAppealsQuery> {
  constructor(private readonly appeals: AppealRepository) {}

  async execute(query: ListMyAppealsQuery) {
    const page = await this.appeals.ofAppellant(query.appellantId, query.limit, query.cursor);
    return { items: page.items.map(toAppealView), nextCursor: page.nextCursor };
  }
}
