import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, InvalidCursorError } from '@lib/platform';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { toUserView } from '../../views.js';
import { ListUsersQuery } from './list-users.query.js';

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute(query: ListUsersQuery) {
    let afterId: string | undefined;
    if (query.cursor) {
      const [id] = decodeCursor(query.cursor) ?? [];
      if (typeof id !== 'string') throw new InvalidCursorError();
      afterId = id;
    }
    const users = await this.users.page(query.limit + 1, afterId);
    const items = users.slice(0, query.limit).map(toUserView);
    return { items, nextCursor: users.length > query.limit ? encodeCursor([items.at(-1)!.id]) : undefined };
  }
}
