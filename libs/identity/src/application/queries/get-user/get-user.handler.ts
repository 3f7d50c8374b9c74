import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UserNotFoundError } from '../../../domain/user/user.errors.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { toUserView } from '../../views.js';
import { GetUserQuery } from './get-user.query.js';

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute(query: GetUserQuery) {
    const user = await this.users.findById(query.userId);
    if (!user) throw new UserNotFoundError();
    return toUserView(user);
  }
}
