import { Query } from '@nestjs/cqrs';
import type { ChannelBrandingView } from '../../branding-views.js';

export class GetChannelBrandingQuery extends Query<ChannelBrandingView> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
