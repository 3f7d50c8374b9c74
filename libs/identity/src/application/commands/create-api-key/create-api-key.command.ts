import { Command } from '@nestjs/cqrs';
import type { ApiKeyView } from '../../views.js';

export class CreateApiKeyCommand extends Command<{ key: string; apiKey: ApiKeyView }> {
  constructor(
    readonly userId: string,
    readonly name: string,
    readonly scopes: string[],
    readonly expiresAt: Date | null,
  ) {
    super();
  }
}
