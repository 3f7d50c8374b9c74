import { Command } from '@nestjs/cqrs';

export class RevokeApiKeyCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly apiKeyId: string,
  ) {
    super();
  }
}
