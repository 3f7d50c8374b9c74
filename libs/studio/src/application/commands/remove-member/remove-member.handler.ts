import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ChannelTeams } from '../../channel-teams.js';
import { RemoveMemberCommand } from './remove-member.command.js';

@CommandHandler(RemoveMemberCommand)
export class RemoveMemberHandler implements ICommandHandler<RemoveMemberCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, channelId, memberId }: RemoveMemberCommand) {
    await this.unitOfWork.transactional(async () => {
      const channel = await this.teams.require(userId, channelId, 'viewer');
      channel.remove(userId, memberId);
    });
    return { removed: true as const };
  }
}
