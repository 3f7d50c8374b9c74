import { Command } from '@nestjs/cqrs';
import type { TokenPair } from '../../views.js';

export class RefreshSessionCommand extends Command<TokenPair> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
