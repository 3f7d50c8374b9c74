import { DomainError } from '@lib/platform/ddd';
import type { TeamRole } from './team-role.js';

export class ChannelNotFoundError extends DomainError {
  readonly code = 'studio.channel.not-found';
  readonly kind = 'not-found';
  constructor(channelId: string) {
    super(`No channel ${channelId} that you belong to`, { channelId });
  }
}

export class ChannelRoleRequiredError extends DomainError {
  readonly code = 'studio.channel.role-required';
  readonly kind = 'forbidden';
  constructor(required: TeamRole, current: TeamRole) {
    super(
      `This needs the ${required} role on the channel; you are ${current === 'owner' ? 'the owner' : `a ${current}`}`,
      { required, current },
    );
  }
}

export class AlreadyMemberError extends DomainError {
  readonly code = 'studio.member.already-member';
  readonly kind = 'conflict';
  constructor(userId: string) {
    super('This person is already on the channel team', { userId });
  }
}

export class InvitationNotFoundError extends DomainError {
  readonly code = 'studio.invitation.not-found';
  readonly kind = 'not-found';
  constructor(channelId: string) {
    super('You have no pending invitation to this channel', { channelId });
  }
}

export class MemberNotFoundError extends DomainError {
  readonly code = 'studio.member.not-found';
  readonly kind = 'not-found';
  constructor(userId: string) {
    super('This person is not on the channel team', { userId });
  }
}

export class OwnerCannotLeaveError extends DomainError {
  readonly code = 'studio.member.owner-cannot-leave';
  readonly kind = 'rule-violated';
  constructor() {
    super('The owner cannot leave or be removed; transfer ownership first');
  }
}

export class CannotInviteSelfError extends DomainError {
  readonly code = 'studio.member.self';
  readonly kind = 'rule-violated';
  constructor() {
    super('You cannot invite yourself or change your own role');
  }
}
