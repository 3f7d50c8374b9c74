import { Command } from '@nestjs/cqrs';
import type { ChannelView } from '../../channel-views.js';

export class UpdateChannelCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly changes: { name?: string; description?: string },
  ) {
    super();
  }
}
