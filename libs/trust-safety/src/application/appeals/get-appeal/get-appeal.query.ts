import { Query } from '@nestjs/cqrs';
import type { AppealDetailView } from '../appeal-views.js';

export class GetAppealQuery extends Query<AppealDetailView> {
  constructor(readonly appealId: string) {
    super();
  }
}
