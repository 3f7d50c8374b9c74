import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChannelAccess } from '../../application/media/media-ports.js';
import { ChannelDirectory, type ChannelTeamRole, type ChannelVideo } from '../../contracts/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contract port, answered by the same queries the media side uses. */
@Injectable()
export class SqlChannelDirectory extends ChannelDirectory {
  constructor(
    private readonly access: ChannelAccess,
    private readonly em: EntityManager,
  ) {
    super();
  }

  roleOf(userId: string, channelId: string): Promise<ChannelTeamRole | null> {
    return this.access.roleOf(userId, channelId);
  }

  ownerOf(channelId: string): Promise<string | null> {
    return UUID.test(channelId) ? this.access.ownerOf(channelId) : Promise.resolve(null);
  }

  async exists(channelId: string): Promise<boolean> {
    return (await this.access.ownerOf(channelId)) !== null;
  }

  async videoVisibleTo(videoId: string, viewerId: string): Promise<ChannelVideo | null> {
    if (!UUID.test(viewerId)) return null;
    const video = (await this.videos([videoId])).get(videoId.toLowerCase());
    if (!video) return null;
    const [row] = await this.em.execute<{ state: string }[]>('select state from studio.videos where id = ?', [
      video.videoId,
    ]);
    if (row?.state === 'published') return video;
    return (await this.roleOf(viewerId, video.channelId)) ? video : null;
  }

  async videos(videoIds: string[]): Promise<Map<string, ChannelVideo>> {
    const ids = videoIds.filter((id) => UUID.test(id));
    if (!ids.length) return new Map();
    const rows = await this.em.execute<
      Array<{
        id: string;
        channel_id: string;
        owner_id: string;
        duration_seconds: number | null;
        state: string;
        category: string | null;
      }>
    >(
      `select v.id, v.channel_id, c.owner_id, v.duration_seconds, v.state, v.category from studio.videos v join studio.channels c on c.id = v.channel_id
        where v.id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          videoId: row.id,
          channelId: row.channel_id,
          ownerId: row.owner_id,
          durationSeconds: row.duration_seconds === null ? null : Number(row.duration_seconds),
          state: row.state,
          category: row.category,
        },
      ]),
    );
  }
}
