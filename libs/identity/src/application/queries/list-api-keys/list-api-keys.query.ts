import { Query } from '@nestjs/cqrs';
import type { ApiKeyView } from '../../views.js';

export class ListApiKeysQuery extends Query<ApiKeyView[]> {
  constructor(readonly userId: string) {
    super();
  }
}
