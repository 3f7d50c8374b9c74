import { Injectable } from '@nestjs/common';
import type { Channel, EmailInvitation, Member } from '../domain/channel/channel.js';
import { PersonRepository } from '../domain/people/person.repository.js';

export interface MemberView extends Omit<Member, 'email'> {
  handle: string | null;
  displayName: string | null;
}

/** An invitation sent to an address: shown the same whether an account has that address or not. */
export type InvitationView = EmailInvitation;

export interface ChannelView {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  members: MemberView[];
  invitations: InvitationView[];
  createdAt: string;
  updatedAt: string;
}

@Injectable()
export class ChannelViews {
  constructor(private readonly people: PersonRepository) {}

  async of(channel: Channel): Promise<ChannelView> {
    // Invitations sent by e-mail stay under `invitations` until accepted: the team never sees whose account an address is.
    const sentToAddress = (member: Member) => member.status === 'invited' && member.email !== undefined;
    const members = channel.members.filter((member) => !sentToAddress(member));
    const people = await this.people.byIds(members.map((member) => member.userId));
    const byId = new Map(people.map((person) => [person.userId, person]));
    const invitations: InvitationView[] = [
      ...channel.members.filter(sentToAddress).map((member) => ({
        email: member.email!,
        role: member.role as EmailInvitation['role'],
        invitedBy: member.invitedBy!,
        invitedAt: member.invitedAt,
      })),
      ...channel.emailInvitations,
    ].sort((a, b) => a.invitedAt.localeCompare(b.invitedAt) || a.email.localeCompare(b.email));
    return {
      id: channel.id,
      name: channel.name,
      description: channel.description,
      ownerId: channel.ownerId,
      members: members.map(({ email: _address, ...member }) => ({
        ...member,
        handle: byId.get(member.userId)?.handle ?? null,
        displayName: byId.get(member.userId)?.displayName ?? null,
      })),
      invitations: invitations.map(({ email, role, invitedBy, invitedAt }) => ({ email, role, invitedBy, invitedAt })),
      createdAt: channel.createdAt.toISOString(),
      updatedAt: channel.updatedAt.toISOString(),
    };
  }
}
