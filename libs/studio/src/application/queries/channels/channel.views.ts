import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Channel, Member } from '../../../domain/channel/channel.js';
import { StudioPerson } from '../../../domain/people/person.js';

export interface MemberView extends Member {
  handle: string | null;
  displayName: string | null;
}

export interface ChannelView {
  id: string;
  name: string;
  description: string;
  ownerId: string;
  members: MemberView[];
  createdAt: string;
  updatedAt: string;
}

@Injectable()
export class ChannelViews {
  constructor(private readonly em: EntityManager) {}

  async of(channel: Channel): Promise<ChannelView> {
    const people = await this.em.find(StudioPerson, { userId: { $in: channel.members.map((member) => member.userId) } });
    const byId = new Map(people.map((person) => [person.userId, person]));
    return {
      id: channel.id,
      name: channel.name,
      description: channel.description,
      ownerId: channel.ownerId,
      members: channel.members.map((member) => ({ ...member, handle: byId.get(member.userId)?.handle ?? null, displayName: byId.get(member.userId)?.displayName ?? null })),
      createdAt: channel.createdAt.toISOString(),
      updatedAt: channel.updatedAt.toISOString(),
    };
  }
}
