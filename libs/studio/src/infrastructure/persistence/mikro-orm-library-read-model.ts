import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { LibraryReadModel } from '../../application/queries/library-read-model.js';
import { Collection, ContentTemplate, Series } from '../../domain/library/library.js';
import { Video } from '../../domain/video/video.js';

@Injectable()
export class MikroOrmLibraryReadModel extends LibraryReadModel {
  constructor(private readonly em: EntityManager) {
    super();
  }

  seriesOfChannel(channelId: string): Promise<Series[]> {
    return this.em.find(Series, { channelId }, { orderBy: { createdAt: 'asc' } });
  }

  collectionsOfChannel(channelId: string): Promise<Collection[]> {
    return this.em.find(Collection, { channelId }, { orderBy: { name: 'asc' } });
  }

  templatesOfChannel(channelId: string): Promise<ContentTemplate[]> {
    return this.em.find(ContentTemplate, { channelId }, { orderBy: { name: 'asc' } });
  }

  seriesById(seriesId: string): Promise<Series | null> {
    return this.em.findOne(Series, { id: seriesId });
  }

  episodesOf(seriesId: string): Promise<Video[]> {
    return this.em.find(Video, { seriesId }, { orderBy: { season: 'asc', episode: 'asc' } });
  }
}
