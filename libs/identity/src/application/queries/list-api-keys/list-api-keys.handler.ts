import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiKeyRepository } from '../../../domain/api-key/api-key.repository.js';
import { toApiKeyView } from '../../views.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(private readonly apiKeys: ApiKeyRepository) {}

  async execute(query: ListApiKeysQuery) {
    return (await this.apiKeys.listOwned(query.userId)).map(toApiKeyView);
  }
}
