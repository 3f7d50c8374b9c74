import { Command } from '@nestjs/cqrs';

export class UnblockIpRangeCommand extends Command<void> {
  constructor(readonly blockId: string) {
    super();
  }
}
