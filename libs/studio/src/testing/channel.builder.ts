import { newId } from '@lib/platform/ddd';
import { Channel } from '../domain/channel/channel.js';
import type { InvitableRole } from '../domain/channel/team-role.js';

/** A channel with its team: `aChannel().ownedBy(alice).withMember(bob, 'editor').build()`. */
export class ChannelBuilder {
  private ownerId = newId();
  private name = 'Night Shift';
  private readonly members: Array<{ userId: string; role: InvitableRole; accepted: boolean }> = [];

  ownedBy(userId: string): this {
    this.ownerId = userId;
    return this;
  }

  named(name: string): this {
    this.name = name;
    return this;
  }

  /** An active member (invited by the owner, and accepted). */
  withMember(userId: string, role: InvitableRole): this {
    this.members.push({ userId, role, accepted: true });
    return this;
  }

  /** Someone invited who has not answered yet (not a member). */
  withInvitation(userId: string, role: InvitableRole): this {
    this.members.push({ userId, role, accepted: false });
    return this;
  }

  build(): Channel {
    const channel = Channel.create(this.ownerId, this.name);
    for (const member of this.members) {
      channel.invite(this.ownerId, member.userId, member.role);
      if (member.accepted) channel.accept(member.userId);
    }
    channel.pullDomainEvents();
    return channel;
  }
}

export const aChannel = () => new ChannelBuilder();
