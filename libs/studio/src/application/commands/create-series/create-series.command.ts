import { Command } from '@nestjs/cqrs';

export class CreateSeriesCommand extends Command<{
  id: string;
  channelId: string;
  title: string;
  description: string;
  createdAt: string;
}> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly title: string,
    readonly description: string,
  ) {
    super();
  }
}
