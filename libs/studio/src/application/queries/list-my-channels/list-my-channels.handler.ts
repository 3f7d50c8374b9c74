import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../../domain/channel/channel.repository.js';
import { ListMyChannelsQuery, type MyChannelView } from './list-my-channels.query.js';

@QueryHandler(ListMyChannelsQuery)
export class ListMyChannelsHandler implements IQueryHandler<ListMyChannelsQuery> {
  constructor(private readonly channels: ChannelRepository) {}

  async execute({ userId }: ListMyChannelsQuery) {
    const channels = await this.channels.ofMember(userId);
    const items: MyChannelView[] = channels.map((channel) => {
      const me = channel.members.find((member) => member.userId === userId)!;
      return {
        id: channel.id,
        name: channel.name,
        description: channel.description,
        ownerId: channel.ownerId,
        role: me.role,
        status: me.status,
      };
    });
    return { items };
  }
}
