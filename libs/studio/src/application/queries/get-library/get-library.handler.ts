import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ChannelTeams } from '../../channel-teams.js';
import { summary } from '../videos/video.views.js';
import { GetLibraryQuery } from './get-library.query.js';
import { VideoLibraryReadModel } from './video-library.read-model.js';

@QueryHandler(GetLibraryQuery)
export class GetLibraryHandler implements IQueryHandler<GetLibraryQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly library: VideoLibraryReadModel,
  ) {}

  async execute({ userId, channelId, filters }: GetLibraryQuery) {
    await this.teams.require(userId, channelId, 'viewer');
    const { videos, total, nextCursor } = await this.library.page(channelId, filters);
    return { items: videos.map(summary), total, ...(nextCursor ? { nextCursor } : {}) };
  }
}
