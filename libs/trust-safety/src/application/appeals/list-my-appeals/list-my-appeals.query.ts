import { Query } from '@nestjs/cqrs';
import type { AppealView } from '../appeal-views.js';

export class ListMyAppealsQuery extends Query<{ items: AppealView[]; nextCursor?: string }> {
  constructor(
    readonly appellantId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
