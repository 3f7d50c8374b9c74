import { Injectable } from '@nestjs/common';
import { ChannelDirectory } from '@lib/studio/contracts';

/**
 * Who moderates a channel's comments: its owner and editors, asked of studio at the moment (team
 * changes apply at once; viewers of the channel's analytics do not moderate).
 */
@Injectable()
export class ChannelTeam {
  constructor(private readonly channels: ChannelDirectory) {}

  async includes(userId: string | null, channelId: string): Promise<boolean> {
    if (!userId) return false;
    const role = await this.channels.roleOf(userId, channelId);
    return role === 'owner' || role === 'editor';
  }
}
