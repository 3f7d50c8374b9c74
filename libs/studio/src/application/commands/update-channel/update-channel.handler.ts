import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { ScreenedTexts } from '../../screened-texts.js';
import { UpdateChannelCommand } from './update-channel.command.js';

@CommandHandler(UpdateChannelCommand)
export class UpdateChannelHandler implements ICommandHandler<UpdateChannelCommand> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
    private readonly texts: ScreenedTexts,
  ) {}

  async execute({ userId, channelId, changes }: UpdateChannelCommand) {
    const channel = await this.unitOfWork.transactional(async () => {
      const found = await this.teams.requireToWork(userId, channelId, 'viewer');
      await this.texts.channel(userId, found.id, changes);
      found.rename(userId, changes);
      return found;
    });
    return this.views.of(channel);
  }
}
