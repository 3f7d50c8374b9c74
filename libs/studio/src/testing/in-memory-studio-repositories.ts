import { InMemoryTable } from '@lib/platform/testing/in-memory';
import type { Channel } from '../domain/channel/channel.js';
import { ChannelRepository } from '../domain/channel/channel.repository.js';
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

  async byId(id: string) {
    return this.videos.find((video) => video.id === id);
  }
  async byIds(ids: string[]) {
    return this.videos.filter((video) => ids.includes(video.id));
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
      this.videos.commit();
    } catch (error) {
      this.videos.rollback();
      throw error;
    }
    return video;
  }
}
