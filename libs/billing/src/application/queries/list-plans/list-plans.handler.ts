import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PlanCatalogue } from '../../plan-catalogue.js';
import { toPlanView } from '../../plan-views.js';
import { ListPlansQuery } from './list-plans.query.js';

@QueryHandler(ListPlansQuery)
export class ListPlansHandler implements IQueryHandler<ListPlansQuery> {
  constructor(private readonly catalogue: PlanCatalogue) {}

  async execute({ includeArchived }: ListPlansQuery) {
    return (await this.catalogue.all()).filter((plan) => includeArchived || !plan.isArchived).map(toPlanView);
  }
}
