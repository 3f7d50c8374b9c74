import type { Collection, ContentTemplate, Series } from './library.js';

export interface EpisodeSlot {
  seriesId: string;
  season: number;
  episode: number;
}

/** Series, collections and templates of a channel, as edits and the library's use cases need them. */
export abstract class LibraryRepository {
  abstract seriesOf(channelId: string, seriesId: string): Promise<Series | null>;
  /** How many of `ids` are collections of the channel. */
  abstract countCollections(channelId: string, ids: string[]): Promise<number>;
  abstract templateOf(channelId: string, templateId: string): Promise<ContentTemplate | null>;
  /** Whether another video than `exceptVideoId` already holds the episode slot. */
  abstract episodeSlotTaken(slot: EpisodeSlot, exceptVideoId: string | null): Promise<boolean>;
  /** On any channel: the caller's role on its channel is checked next. */
  abstract collectionById(collectionId: string): Promise<Collection | null>;
  /** On any channel: the caller's role on its channel is checked next. */
  abstract templateById(templateId: string): Promise<ContentTemplate | null>;
  abstract addSeries(series: Series): void;
  /** A second collection of the same name on a channel is refused when the transaction commits. */
  abstract addCollection(collection: Collection): void;
  abstract addTemplate(template: ContentTemplate): void;
  abstract removeCollection(collection: Collection): void;
  abstract removeTemplate(template: ContentTemplate): void;
}
