import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { Channel } from '../../../domain/channel/channel.js';
import { ChannelRepository } from '../../../domain/channel/channel.repository.js';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { ScreenedTexts } from '../../screened-texts.js';
import { CreateChannelCommand } from './create-channel.command.js';

@CommandHandler(CreateChannelCommand)
export class CreateChannelHandler implements ICommandHandler<CreateChannelCommand> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly views: ChannelViews,
    private readonly texts: ScreenedTexts,
    private readonly teams: ChannelTeams,
  ) {}

  async execute({ userId, name, description }: CreateChannelCommand) {
    await this.teams.assertMayOpenChannel(userId);
    const channel = Channel.create(userId, name, description);
    await this.unitOfWork.transactional(async () => {
      await this.texts.channel(userId, channel.id, { name, description });
      this.channels.add(channel);
    });
    return this.views.of(channel);
  }
}
