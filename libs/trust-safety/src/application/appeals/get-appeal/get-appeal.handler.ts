import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppealRepository } from '../../../domain/appeals/appeal.js';
import { AppealNotFoundError } from '../../../domain/appeals/appeal.errors.js';
import { toAppealDetailView } from '../appeal-views.js';
import { GetAppealQuery } from './get-appeal.query.js';

/** One appeal as moderators see it. */
@QueryHandler(GetAppealQuery)
export class GetAppealHandler implements IQueryHandler<GetAppealQuery> {
  constructor(private readonly appeals: AppealRepository) {}

  async execute(query: GetAppealQuery) {
    const appeal = await this.appeals.find(query.appealId);
    if (!appeal) throw new AppealNotFoundError();
    return toAppealDetailView(appeal);
  }
}
