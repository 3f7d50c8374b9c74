import { Command } from '@nestjs/cqrs';

export class CreateCollectionCommand extends Command<{
  id: string;
  channelId: string;
  name: string;
  createdAt: string;
}> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly name: string,
  ) {
    super();
  }
}
