import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChannelBrandingChanges } from '../../channel-branding.js';
import { ClearChannelBrandingCommand } from './clear-channel-branding.command.js';

@CommandHandler(ClearChannelBrandingCommand)
export class ClearChannelBrandingHandler implements ICommandHandler<ClearChannelBrandingCommand> {
  constructor(private readonly changes: ChannelBrandingChanges) {}

  execute({ userId, channelId }: ClearChannelBrandingCommand) {
    return this.changes.apply(userId, channelId, 'reduce', (channel) => channel.clearBranding(userId));
  }
}
