import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ChannelBrandingChanges } from '../../channel-branding.js';
import { RemoveBrandingImageCommand } from './remove-branding-image.command.js';

@CommandHandler(RemoveBrandingImageCommand)
export class RemoveBrandingImageHandler implements ICommandHandler<RemoveBrandingImageCommand> {
  constructor(private readonly changes: ChannelBrandingChanges) {}

  execute({ userId, channelId, kind }: RemoveBrandingImageCommand) {
    return this.changes.apply(userId, channelId, 'reduce', (channel) => [channel.removeBrandingImage(userId, kind)]);
  }
}
