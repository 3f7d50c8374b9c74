import { Command } from '@nestjs/cqrs';
import type { InvitableRole } from '../../../domain/channel/team-role.js';
import type { ChannelView } from '../../channel-views.js';

/** Names the invitee by handle or e-mail (exactly one). */
export class InviteMemberCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly invitee: { handle?: string; email?: string },
    readonly role: InvitableRole,
  ) {
    super();
  }
}
