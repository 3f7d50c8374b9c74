import { Command } from '@nestjs/cqrs';
import type { TokenPair, UserView } from '../../views.js';

export class LogInCommand extends Command<{ user: UserView; tokens: TokenPair }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly client: { ip: string; userAgent: string | null },
  ) {
    super();
  }
}
