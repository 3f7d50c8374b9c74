import { Command } from '@nestjs/cqrs';

export class RequestEmailVerificationCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
