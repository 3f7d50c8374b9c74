import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiKeyNotFoundError } from '../../../domain/api-key/api-key.errors.js';
import { ApiKeyRepository } from '../../../domain/api-key/api-key.repository.js';
import { RevokeApiKeyCommand } from './revoke-api-key.command.js';

/** Takes effect on the next request. No socket to close: API keys are refused at the socket handshake (ADR 0012). */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  async execute(command: RevokeApiKeyCommand): Promise<void> {
    // Another user's key answers exactly like a missing one.
    const key = await this.apiKeys.findOwned(command.userId, command.apiKeyId);
    if (!key) throw new ApiKeyNotFoundError();
    key.revoke();
    await this.apiKeys.save(key);
  }
}
