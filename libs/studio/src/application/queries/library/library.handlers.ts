import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@lib/platform';
import { Collection, ContentTemplate, Series } from '../../../domain/library/library.js';
import { SeriesNotFoundError } from '../../../domain/video/video.errors.js';
import { Video } from '../../../domain/video/video.js';
import { ChannelTeams } from '../../channel-teams.js';
import { summary } from '../videos/video.views.js';
import { GetSeriesQuery, ListChannelThingsQuery } from './library.queries.js';

const seriesView = (series: Series) => ({
  id: series.id,
  channelId: series.channelId,
  title: series.title,
  description: series.description,
  createdAt: series.createdAt.toISOString(),
});

@QueryHandler(ListChannelThingsQuery)
export class ListChannelThingsHandler implements IQueryHandler<ListChannelThingsQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, channelId, kind }: ListChannelThingsQuery) {
    await this.teams.require(userId, channelId, 'viewer');
    if (kind === 'series')
      return { items: (await this.em.find(Series, { channelId }, { orderBy: { createdAt: 'asc' } })).map(seriesView) };
    if (kind === 'collections') {
      const collections = await this.em.find(Collection, { channelId }, { orderBy: { name: 'asc' } });
      return {
        items: collections.map((collection) => ({
          id: collection.id,
          channelId,
          name: collection.name,
          createdAt: collection.createdAt.toISOString(),
        })),
      };
    }
    const templates = await this.em.find(ContentTemplate, { channelId }, { orderBy: { name: 'asc' } });
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

@QueryHandler(GetSeriesQuery)
export class GetSeriesHandler implements IQueryHandler<GetSeriesQuery> {
  constructor(
    private readonly teams: ChannelTeams,
    private readonly em: EntityManager,
  ) {}

  async execute({ userId, seriesId }: GetSeriesQuery) {
    const series = await this.em.findOne(Series, { id: seriesId });
    if (!series) throw new SeriesNotFoundError(seriesId);
    await this.teams.require(userId, series.channelId, 'viewer').catch((error: unknown) => {
      throw error instanceof DomainError && error.kind === 'not-found' ? new SeriesNotFoundError(seriesId) : error;
    });
    const episodes = await this.em.find(Video, { seriesId }, { orderBy: { season: 'asc', episode: 'asc' } });
    return { ...seriesView(series), episodes: episodes.map(summary) };
  }
}
