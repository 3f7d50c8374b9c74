import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Channel } from '../../domain/channel/channel.js';
import { ChannelRepository } from '../../domain/channel/channel.repository.js';

@Injectable()
export class MikroOrmChannelRepository extends ChannelRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }
  byId(id: string) {
    return this.em.findOne(Channel, { id });
  }
  async ofMember(userId: string) {
    // jsonb containment uses the channels_members_idx GIN index.
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from studio.channels where members @> ?::jsonb`,
      [JSON.stringify([{ userId }])],
    );
    return rows.length
      ? this.em.find(Channel, { id: { $in: rows.map((row) => row.id) } }, { orderBy: { createdAt: 'asc' } })
      : [];
  }

  async withEmailInvitationFor(email: string) {
    // jsonb containment uses the channels_email_invitations_idx GIN index.
    const rows = await this.em.execute<Array<{ id: string }>>(
      `select id from studio.channels where email_invitations @> ?::jsonb`,
      [JSON.stringify([{ email }])],
    );
    return rows.length ? this.em.find(Channel, { id: { $in: rows.map((row) => row.id) } }) : [];
  }

  add(channel: Channel) {
    this.em.persist(channel);
  }
}
