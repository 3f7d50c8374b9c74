import { Query } from '@nestjs/cqrs';
import type { PlanView } from '../../plan-views.js';

export class ListPlansQuery extends Query<PlanView[]> {
  constructor(readonly includeArchived: boolean) {
    super();
  }
}
