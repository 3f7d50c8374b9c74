import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/platform';
import { Follow, FollowRepository } from '../../../domain/social-graph/follow.js';
import { BlockedError, RestrictionRepository } from '../../../domain/social-graph/restriction.js';
import { People } from '../../people.js';
import { countFollowers } from '../../queries/list-follows/follow-counts.js';
import { SetFollowCommand } from './follow.command.js';

@CommandHandler(SetFollowCommand)
export class SetFollowHandler implements ICommandHandler<SetFollowCommand> {
  constructor(
    private readonly follows: FollowRepository,
    private readonly restrictions: RestrictionRepository,
    private readonly people: People,
    private readonly unitOfWork: UnitOfWork,
    private readonly em: EntityManager,
  ) {}

  async execute({ followerId, followeeId, follow }: SetFollowCommand) {
    await this.people.require(followeeId);
    await this.unitOfWork.transactional(async () => {
      const existing = await this.follows.between(followerId, followeeId);
      if (!follow) {
        if (existing?.end()) this.follows.add(existing);
        return;
      }
      if (await this.restrictions.eitherBlocks(followerId, followeeId)) throw new BlockedError();
      if (!existing) this.follows.add(Follow.start(followerId, followeeId));
      else if (existing.resume()) this.follows.add(existing);
    });
    return { following: follow, followers: await countFollowers(this.em, followeeId) };
  }
}
