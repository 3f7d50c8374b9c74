import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { API_KEY_PREFIX } from '@lib/platform';
import { DomainError } from '@lib/platform/ddd';
import { ApiKey, ApiKeyRepository } from '../../../domain/api-key/api-key.js';
import { hashSecret, newSecret } from '../../secrets.js';
import { toApiKeyView } from '../../views.js';
import { CreateApiKeyCommand } from './create-api-key.command.js';

export const MAX_ACTIVE_API_KEYS = 20;

export class TooManyApiKeysError extends DomainError {
  readonly code = 'identity.api-key.limit-reached';
  readonly kind = 'rule-violated' as const;
  constructor() {
    super(`An account may hold at most ${MAX_ACTIVE_API_KEYS} active API keys; revoke one first`, {
      limit: MAX_ACTIVE_API_KEYS,
    });
  }
}

/** Mints a key; the raw key is returned this once and only its hash is kept. */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  async execute(command: CreateApiKeyCommand) {
    const now = new Date();
    const active = (await this.apiKeys.listOwned(command.userId)).filter((key) => key.usableAt(now));
    if (active.length >= MAX_ACTIVE_API_KEYS) throw new TooManyApiKeysError();
    const raw = `${API_KEY_PREFIX}${newSecret()}`;
    const apiKey = new ApiKey({
      userId: command.userId,
      name: command.name,
      scopes: command.scopes,
      displayPrefix: raw.slice(0, API_KEY_PREFIX.length + 6),
      secretHash: hashSecret(raw),
      expiresAt: command.expiresAt,
    });
    await this.apiKeys.save(apiKey);
    return { key: raw, apiKey: toApiKeyView(apiKey) };
  }
}
