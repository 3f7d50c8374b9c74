import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccountSanctionRepository } from '../../../domain/standing/account-sanction.js';
import { ModeratedAccountNotFoundError } from '../../../domain/trust-scores/trust-score.errors.js';
import { toAccountModerationView, type AccountModerationView } from '../account-moderation-view.js';
import { TrustScores } from '../trust-scores.js';
import { GetAccountModerationQuery } from './get-account-moderation.query.js';

/** One account as moderators see it: trust score with its inputs, level, pin and sanctions. */
@QueryHandler(GetAccountModerationQuery)
export class GetAccountModerationHandler implements IQueryHandler<GetAccountModerationQuery> {
  constructor(
    private readonly scores: TrustScores,
    private readonly sanctions: AccountSanctionRepository,
  ) {}

  async execute({ userId }: GetAccountModerationQuery): Promise<AccountModerationView> {
    const record = await this.scores.current(userId);
    if (!record) throw new ModeratedAccountNotFoundError();
    return toAccountModerationView(userId, record, await this.sanctions.of(userId));
  }
}
