import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BrandingViews } from '../../branding-views.js';
import { ChannelTeams } from '../../channel-teams.js';
import { GetChannelBrandingQuery } from './get-channel-branding.query.js';

@QueryHandler(GetChannelBrandingQuery)
export class GetChannelBrandingHandler implements IQueryHandler<GetChannelBrandingQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly views: BrandingViews,
  ) {}

  async execute({ userId, channelId }: GetChannelBrandingQuery) {
    return this.views.forTeam(await this.teams.require(userId, channelId, 'viewer'));
  }
}
