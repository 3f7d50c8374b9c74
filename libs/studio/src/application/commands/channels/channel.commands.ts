import { Command } from '@nestjs/cqrs';
import type { InvitableRole } from '../../../domain/channel/channel.js';
import type { ChannelView } from '../../queries/channels/channel.views.js';

export class CreateChannelCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly name: string,
    readonly description: string | undefined,
  ) {
    super();
  }
}

export class UpdateChannelCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly changes: { name?: string; description?: string },
  ) {
    super();
  }
}

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

export class RespondToInvitationCommand extends Command<ChannelView | { declined: true }> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly accept: boolean,
  ) {
    super();
  }
}

export class RemoveMemberCommand extends Command<{ removed: true }> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly memberId: string,
  ) {
    super();
  }
}

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

export class TransferOwnershipCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly toUserId: string,
  ) {
    super();
  }
}
