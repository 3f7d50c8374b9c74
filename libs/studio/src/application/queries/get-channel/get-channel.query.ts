import { Query } from '@nestjs/cqrs';
import type { ChannelView } from '../../channel-views.js';

export class GetChannelQuery extends Query<ChannelView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
