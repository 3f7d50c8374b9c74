import { Injectable } from '@nestjs/common';
import { ChannelAccess } from '../../application/media/media-ports.js';
import { ChannelDirectory, type ChannelTeamRole } from '../../contracts/index.js';

/** The contract port, answered by the same queries the media side uses. */
@Injectable()
export class SqlChannelDirectory extends ChannelDirectory {
  constructor(private readonly access: ChannelAccess) {
    super();
  }

  roleOf(userId: string, channelId: string): Promise<ChannelTeamRole | null> {
    return this.access.roleOf(userId, channelId);
  }

  async exists(channelId: string): Promise<boolean> {
    return (await this.access.ownerOf(channelId)) !== null;
  }
}
