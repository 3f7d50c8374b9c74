import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@lib/platform';
import { SeriesNotFoundError } from '../../../domain/video/video.errors.js';
import { ChannelTeams } from '../../channel-teams.js';
import { LibraryReadModel, seriesView } from '../library-read-model.js';
import { summary } from '../videos/video.views.js';
import { GetSeriesQuery } from './get-series.query.js';

@QueryHandler(GetSeriesQuery)
export class GetSeriesHandler implements IQueryHandler<GetSeriesQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly library: LibraryReadModel,
  ) {}

  async execute({ userId, seriesId }: GetSeriesQuery) {
    const series = await this.library.seriesById(seriesId);
    if (!series) throw new SeriesNotFoundError(seriesId);
    await this.teams.require(userId, series.channelId, 'viewer').catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === 'not-found' ? new SeriesNotFoundError(seriesId) : error;
    });
    const episodes = await this.library.episodesOf(seriesId);
    return { ...seriesView(series), episodes: episodes.map(summary) };
  }
}
