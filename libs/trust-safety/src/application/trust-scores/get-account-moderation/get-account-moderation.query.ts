import { Query } from '@nestjs/cqrs';
import type { AccountModerationView } from '../account-moderation-view.js';

export class GetAccountModerationQuery extends Query<AccountModerationView> {
  constructor(readonly userId: string) {
    super();
  }
}
