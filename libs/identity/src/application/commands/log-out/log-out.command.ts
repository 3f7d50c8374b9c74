import { Command } from '@nestjs/cqrs';

export class LogOutCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
  ) {
    super();
  }
}
