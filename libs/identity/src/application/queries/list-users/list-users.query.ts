import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { UserView } from '../../views.js';

export class ListUsersQuery extends Query<Page<UserView>> {
  constructor(
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}
