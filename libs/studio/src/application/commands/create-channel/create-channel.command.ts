import { Command } from '@nestjs/cqrs';
import type { ChannelView } from '../../channel-views.js';

export class CreateChannelCommand extends Command<ChannelView> {
  constructor(
    readonly userId: string,
    readonly name: string,
    readonly description: string | undefined,
  ) {
    super();
  }
}
