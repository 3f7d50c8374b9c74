import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChannelTeams } from '../../channel-teams.js';
import { LibraryReadModel, seriesView } from '../library-read-model.js';
import { ListChannelThingsQuery } from './list-channel-things.query.js';

@QueryHandler(ListChannelThingsQuery)
export class ListChannelThingsHandler implements IQueryHandler<ListChannelThingsQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly library: LibraryReadModel,
  ) {}

  async execute({ userId, channelId, kind }: ListChannelThingsQuery) {
    await this.teams.require(userId, channelId, 'viewer');
    if (kind === 'series') return { items: (await this.library.seriesOfChannel(channelId)).map(seriesView) };
    if (kind === 'collections') {
      const collections = await this.library.collectionsOfChannel(channelId);
      return {
        items: collections.map((collection) => ({
          id: collection.id,
          channelId,
          name: collection.name,
          createdAt: collection.createdAt.toISOString(),
        })),
      };
    }
    const templates = await this.library.templatesOfChannel(channelId);
    return {
      items: templates.map((template) => ({
        id: template.id,
        channelId,
        name: template.name,
        defaults: template.defaults,
        createdAt: template.createdAt.toISOString(),
      })),
    };
  }
}
