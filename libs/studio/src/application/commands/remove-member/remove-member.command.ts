import { Command } from '@nestjs/cqrs';

export class RemoveMemberCommand extends Command<{ removed: true }> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly memberId: string,
  ) {
    super();
  }
}
