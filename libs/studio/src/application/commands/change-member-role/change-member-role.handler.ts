import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { ChangeMemberRoleCommand } from './change-member-role.command.js';

@CommandHandler(ChangeMemberRoleCommand)
export class ChangeMemberRoleHandler implements ICommandHandler<ChangeMemberRoleCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, memberId, role }: ChangeMemberRoleCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.requireToWork(userId, channelId, 'viewer');
      found.changeRole(userId, memberId, role);
      return found;
    });
    return this.views.of(channel);
  }
}
