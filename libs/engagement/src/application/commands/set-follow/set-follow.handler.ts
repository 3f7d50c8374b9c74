import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { Follow } from '../../../domain/follow/follow.js';
import { FollowRepository } from '../../../domain/follow/follow.repository.js';
import { BlockedError } from '../../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../../domain/restriction/restriction.repository.js';
import { People } from '../../people.js';
import { SocialGraphReadModel } from '../../read-models/social-graph.read-model.js';
import { SetFollowCommand } from './set-follow.command.js';

@CommandHandler(SetFollowCommand)
export class SetFollowHandler implements ICommandHandler<SetFollowCommand> {
  constructor(
    private readonly follows: FollowRepository,
    private readonly restrictions: RestrictionRepository,
    private readonly people: People,
    private readonly unitOfWork: UnitOfWork,
    private readonly socialGraph: SocialGraphReadModel,
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
    return { following: follow, followers: await this.socialGraph.countFollowers(followeeId) };
  }
}
