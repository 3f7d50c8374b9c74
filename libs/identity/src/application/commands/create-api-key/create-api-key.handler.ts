import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BillingApi } from '@lib/billing/contracts';
import { API_KEY_PREFIX } from '@lib/platform';
import { MAX_ACTIVE_API_KEYS } from '../../../domain/api-key/api-key-policy.js';
import { ApiKey } from '../../../domain/api-key/api-key.js';
import { TooManyApiKeysError } from '../../../domain/api-key/api-key.errors.js';
import { ApiKeyRepository } from '../../../domain/api-key/api-key.repository.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { hashSecret, newSecret } from '../../secrets.js';
import { toApiKeyView } from '../../views.js';
import { CreateApiKeyCommand } from './create-api-key.command.js';

/** Mints a key; the raw key is returned this once and only its hash is kept. */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(
    private readonly apiKeys: ApiKeyRepository,
    private readonly billing: BillingApi,
    private readonly users: UserRepository,
  ) {}

  async execute(command: CreateApiKeyCommand) {
    // API access is a plan feature (Studio Pro); operators' keys are not sold (ADR 0056).
    const owner = await this.users.findById(command.userId);
    if (!owner?.roles.includes('admin')) await this.billing.assertPlanIncludes(command.userId, 'api_access');
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
