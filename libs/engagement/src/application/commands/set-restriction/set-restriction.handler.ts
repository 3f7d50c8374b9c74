import { Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { FollowRepository } from '../../../domain/follow/follow.repository.js';
import { Restriction } from '../../../domain/restriction/restriction.js';
import { CannotRestrictSelfError } from '../../../domain/restriction/restriction.errors.js';
import { RestrictionRepository } from '../../../domain/restriction/restriction.repository.js';
import { People } from '../../people.js';
import { RecommendationCache } from '../../recommendations/recommendation-ports.js';
import { SetRestrictionCommand } from './set-restriction.command.js';

/** A block also ends any follow between the two, both ways (as Mastodon and others do). */
@CommandHandler(SetRestrictionCommand)
export class SetRestrictionHandler implements ICommandHandler<SetRestrictionCommand> {
  constructor(
    private readonly restrictions: RestrictionRepository,
    private readonly follows: FollowRepository,
    private readonly people: People,
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly recommendations?: RecommendationCache,
  ) {}

  async execute({ ownerId, targetId, kind, on }: SetRestrictionCommand) {
    if (ownerId === targetId) throw new CannotRestrictSelfError(kind);
    await this.people.require(targetId);
    await this.unitOfWork.transactional(async () => {
      // Both people's cached recommendations may show the other's videos (a block counts either way).
      this.unitOfWork.afterCommit(async () => {
        await this.recommendations?.forget(ownerId);
        await this.recommendations?.forget(targetId);
      });
      if (!on) {
        await this.restrictions.remove(ownerId, targetId, kind);
        return;
      }
      await this.restrictions.add(new Restriction(ownerId, targetId, kind));
      if (kind !== 'block') return;
      for (const [follower, followee] of [
        [ownerId, targetId],
        [targetId, ownerId],
      ] as const) {
        const follow = await this.follows.between(follower, followee);
        if (follow?.end()) this.follows.add(follow);
      }
    });
    return { kind, on };
  }
}
