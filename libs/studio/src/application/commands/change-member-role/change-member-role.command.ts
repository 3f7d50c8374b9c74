import { Command } from '@nestjs/cqrs';
import type { InvitableRole } from '../../../domain/channel/team-role.js';
import type { ChannelView } from '../../channel-views.js';

export class ChangeMemberRoleCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly memberId: string,
    readonly role: InvitableRole,
  ) {
    super();
  }
}
