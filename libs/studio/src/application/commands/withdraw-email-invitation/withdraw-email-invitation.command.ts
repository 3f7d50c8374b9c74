import { Command } from '@nestjs/cqrs';
import type { ChannelView } from '../../channel-views.js';

/** Withdraws an invitation sent to an address (pending an account or not). */
export class WithdrawEmailInvitationCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly email: string,
  ) {
    super();
  }
}
