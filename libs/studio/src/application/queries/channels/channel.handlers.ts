import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Channel } from '../../../domain/channel/channel.js';
import { ChannelTeams } from '../../channel-teams.js';
import { GetChannelQuery, ListMyChannelsQuery, type MyChannelView } from './channel.queries.js';
import { ChannelViews } from './channel.views.js';

@QueryHandler(ListMyChannelsQuery)
export class ListMyChannelsHandler implements IQueryHandler<ListMyChannelsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId }: ListMyChannelsQuery) {
    // jsonb containment uses the channels_members_idx GIN index.
    const rows = await this.em.execute<Array<{ id: string }>>(`select id from studio.channels where members @> ?::jsonb`, [JSON.stringify([{ userId }])]);
    const channels = await this.em.find(Channel, { id: { $in: rows.map((row) => row.id) } }, { orderBy: { createdAt: 'asc' } });
    const items: MyChannelView[] = channels.map((channel) => {
      const me = channel.members.find((member) => member.userId === userId)!;
      return { id: channel.id, name: channel.name, description: channel.description, ownerId: channel.ownerId, role: me.role, status: me.status };
    });
    return { items };
  }
}

@QueryHandler(GetChannelQuery)
export class GetChannelHandler implements IQueryHandler<GetChannelQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly views: ChannelViews,
  ) {}

  async execute({ userId, channelId }: GetChannelQuery) {
    return this.views.of(await this.teams.require(userId, channelId, 'viewer'));
  }
}
