import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { TransferOwnershipCommand } from './transfer-ownership.command.js';

@CommandHandler(TransferOwnershipCommand)
export class TransferOwnershipHandler implements ICommandHandler<TransferOwnershipCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId, toUserId }: TransferOwnershipCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.require(userId, channelId, 'viewer');
      found.transferOwnership(userId, toUserId);
      return found;
    });
    return this.views.of(channel);
  }
}
