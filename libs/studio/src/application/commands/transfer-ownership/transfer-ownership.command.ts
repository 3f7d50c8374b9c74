import { Command } from '@nestjs/cqrs';
import type { ChannelView } from '../../channel-views.js';

export class TransferOwnershipCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly toUserId: string,
  ) {
    super();
  }
}
