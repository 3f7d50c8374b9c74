import type { DomainEvent } from '@lib/platform/ddd';
import { InMemoryTable, InMemoryUniqueViolation } from '@lib/platform/testing/in-memory';
import { PersistenceScope } from '../application/persistence-scope.js';
import type { Channel } from '../domain/channel/channel.js';
import { ChannelRepository } from '../domain/channel/channel.repository.js';
import type { Collection, ContentTemplate, Series } from '../domain/library/library.js';
import { LibraryRepository, type EpisodeSlot } from '../domain/library/library.repository.js';
import type { Video } from '../domain/video/video.js';
import { VideoRepository } from '../domain/video/video.repository.js';

// Same contracts as the MikroORM repositories in infrastructure/; rows persist when the unit of work commits.

export class InMemoryChannelRepository extends ChannelRepository {
  readonly channels = new InMemoryTable<Channel>('studio.channels', { id: (channel) => channel.id });

  async byId(id: string) {
    return this.channels.find((channel) => channel.id === id);
  }
  async ofMember(userId: string) {
    return this.channels
      .filter((channel) => channel.members.some((member) => member.userId === userId))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
  async withEmailInvitationFor(email: string) {
    return this.channels.filter((channel) => channel.emailInvitations.some((invitation) => invitation.email === email));
  }
  add(channel: Channel) {
    this.channels.insert(channel);
  }
}

export class InMemoryVideoRepository extends VideoRepository {
  readonly videos = new InMemoryTable<Video>('studio.videos', { id: (video) => video.id });
  /** Where `changeAlone`'s own commits release their events (a unit of work's `published`), when set. */
  outbox: DomainEvent[] | null = null;

  async byId(id: string) {
    return this.videos.find((video) => video.id === id);
  }
  async byIds(ids: string[]) {
    return this.videos.filter((video) => ids.includes(video.id));
  }
  async inCollection(channelId: string, collectionId: string) {
    return this.videos.filter((video) => video.channelId === channelId && video.collectionIds.includes(collectionId));
  }
  add(video: Video) {
    this.videos.insert(video);
  }
  remove(video: Video) {
    this.videos.delete(video);
  }
  /** Its own transaction, as the real adapter: the change commits (or rolls back) here. */
  async changeAlone(videoId: string, change: (video: Video) => boolean) {
    const video = this.videos.find((candidate) => candidate.id === videoId);
    if (!video || !change(video)) return null;
    try {
      this.outbox?.push(...this.videos.commit());
    } catch (error) {
      this.videos.rollback();
      throw error;
    }
    return video;
  }
}

export class InMemoryLibraryRepository extends LibraryRepository {
  readonly series = new InMemoryTable<Series>('studio.series', { id: (series) => series.id });
  readonly collections = new InMemoryTable<Collection>('studio.collections', {
    id: (collection) => collection.id,
    name: (collection) => `${collection.channelId}:${collection.name}`,
  });
  readonly templates = new InMemoryTable<ContentTemplate>('studio.templates', { id: (template) => template.id });

  /** Episode slots are the videos' (series, season, episode): reads them from the videos' table. */
  constructor(private readonly videos: InMemoryVideoRepository = new InMemoryVideoRepository()) {
    super();
  }

  async seriesOf(channelId: string, seriesId: string) {
    return this.series.find((series) => series.id === seriesId && series.channelId === channelId);
  }
  async countCollections(channelId: string, ids: string[]) {
    return this.collections.filter((collection) => collection.channelId === channelId && ids.includes(collection.id))
      .length;
  }
  async templateOf(channelId: string, templateId: string) {
    return this.templates.find((template) => template.id === templateId && template.channelId === channelId);
  }
  async episodeSlotTaken({ seriesId, season, episode }: EpisodeSlot, exceptVideoId: string | null) {
    return this.videos.videos
      .all()
      .some(
        (video) =>
          video.id !== exceptVideoId &&
          video.seriesId === seriesId &&
          video.season === season &&
          video.episode === episode,
      );
  }
  async collectionById(collectionId: string) {
    return this.collections.find((collection) => collection.id === collectionId);
  }
  async templateById(templateId: string) {
    return this.templates.find((template) => template.id === templateId);
  }
  addSeries(series: Series) {
    this.series.insert(series);
  }
  addCollection(collection: Collection) {
    this.collections.insert(collection);
  }
  addTemplate(template: ContentTemplate) {
    this.templates.insert(template);
  }
  removeCollection(collection: Collection) {
    this.collections.delete(collection);
  }
  removeTemplate(template: ContentTemplate) {
    this.templates.delete(template);
  }
}

/** Work runs in place (the tables are already shared); a unique key refused is the in-memory table's error. */
export class InMemoryPersistenceScope extends PersistenceScope {
  forgotten = 0;

  alone<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
  isConcurrentEdit(): boolean {
    return false;
  }
  isUniqueViolation(error: unknown): boolean {
    return error instanceof InMemoryUniqueViolation;
  }
  forgetLoaded(): void {
    this.forgotten += 1;
  }
}
