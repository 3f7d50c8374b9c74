import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseAccentColor, parseTagline } from '../../../domain/channel/branding.js';
import { ChannelBrandingChanges } from '../../channel-branding.js';
import { ScreenedTexts } from '../../screened-texts.js';
import { SetChannelBrandingCommand } from './set-channel-branding.command.js';

@CommandHandler(SetChannelBrandingCommand)
export class SetChannelBrandingHandler implements ICommandHandler<SetChannelBrandingCommand> {
  constructor(
    private readonly changes: ChannelBrandingChanges,
    private readonly texts: ScreenedTexts,
  ) {}

  execute({ userId, channelId, settings }: SetChannelBrandingCommand) {
    const accentColor = settings.accentColor ? parseAccentColor(settings.accentColor) : null;
    const tagline = settings.tagline ? parseTagline(settings.tagline) : null;
    return this.changes.apply(userId, channelId, 'add', async (channel) => {
      await this.texts.tagline(userId, channel.id, tagline);
      channel.brand(userId, { accentColor, tagline });
      return [];
    });
  }
}
