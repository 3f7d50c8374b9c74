import { Command } from '@nestjs/cqrs';

export class VerifyEmailCommand extends Command<{ userId: string; email: string; emailVerified: true }> {
  constructor(readonly token: string) {
    super();
  }
}
