import { Command } from '@nestjs/cqrs';
import type { ChannelView } from '../../channel-views.js';

export class RespondToInvitationCommand extends Command<ChannelView | { declined: true }> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly accept: boolean,
  ) {
    super();
  }
}
