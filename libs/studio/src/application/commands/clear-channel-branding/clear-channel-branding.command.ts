import { Command } from '@nestjs/cqrs';
import type { ChannelBrandingView } from '../../branding-views.js';

export class ClearChannelBrandingCommand extends Command<ChannelBrandingView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
