import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChannelTeams } from '../../channel-teams.js';
import { ChannelViews } from '../../channel-views.js';
import { GetChannelQuery } from './get-channel.query.js';

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
