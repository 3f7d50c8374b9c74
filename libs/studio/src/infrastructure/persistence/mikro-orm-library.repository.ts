import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Collection, ContentTemplate, Series } from '../../domain/library/library.js';
import { LibraryRepository, type EpisodeSlot } from '../../domain/library/library.repository.js';
import { Video } from '../../domain/video/video.js';

@Injectable()
export class MikroOrmLibraryRepository extends LibraryRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  seriesOf(channelId: string, seriesId: string): Promise<Series | null> {
    return this.em.findOne(Series, { id: seriesId, channelId });
  }

  countCollections(channelId: string, ids: string[]): Promise<number> {
    return this.em.count(Collection, { id: { $in: ids }, channelId });
  }

  templateOf(channelId: string, templateId: string): Promise<ContentTemplate | null> {
    return this.em.findOne(ContentTemplate, { id: templateId, channelId });
  }

  async episodeSlotTaken({ seriesId, season, episode }: EpisodeSlot, exceptVideoId: string | null): Promise<boolean> {
    const taken = await this.em.count(Video, {
      seriesId,
      season,
      episode,
      ...(exceptVideoId ? { id: { $ne: exceptVideoId } } : {}),
    });
    return taken > 0;
  }

  collectionById(collectionId: string): Promise<Collection | null> {
    return this.em.findOne(Collection, { id: collectionId });
  }

  templateById(templateId: string): Promise<ContentTemplate | null> {
    return this.em.findOne(ContentTemplate, { id: templateId });
  }

  addSeries(series: Series): void {
    this.em.persist(series);
  }

  addCollection(collection: Collection): void {
    this.em.persist(collection);
  }

  addTemplate(template: ContentTemplate): void {
    this.em.persist(template);
  }

  removeCollection(collection: Collection): void {
    this.em.remove(collection);
  }

  removeTemplate(template: ContentTemplate): void {
    this.em.remove(template);
  }
}
