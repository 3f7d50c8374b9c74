import type { Collection, ContentTemplate, Series } from '../../domain/library/library.js';
import type { Video } from '../../domain/video/video.js';

/** Port: the channel library as its views read it (implemented in infrastructure/persistence). */
export abstract class LibraryReadModel {
  /** The channel's series, oldest first. */
  abstract seriesOfChannel(channelId: string): Promise<Series[]>;
  /** The channel's collections, by name. */
  abstract collectionsOfChannel(channelId: string): Promise<Collection[]>;
  /** The channel's templates, by name. */
  abstract templatesOfChannel(channelId: string): Promise<ContentTemplate[]>;
  abstract seriesById(seriesId: string): Promise<Series | null>;
  /** A series' videos in order (season, then episode). */
  abstract episodesOf(seriesId: string): Promise<Video[]>;
}

export const seriesView = (series: Series) => ({
  id: series.id,
  channelId: series.channelId,
  title: series.title,
  description: series.description,
  createdAt: series.createdAt.toISOString(),
});
