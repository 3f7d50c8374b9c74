import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { PayoutAccountRepository } from '../../../domain/tips/tips.repository.js';
import { PayoutHolds } from '../../tips/payout-holds.js';
import { payoutAccountView } from '../../tips/tip-views.js';
import { GetPayoutAccountQuery } from './get-payout-account.query.js';

@QueryHandler(GetPayoutAccountQuery)
export class GetPayoutAccountHandler implements IQueryHandler<GetPayoutAccountQuery> {
  constructor(
    private readonly accounts: PayoutAccountRepository,
    private readonly holds: PayoutHolds,
  ) {}

  async execute({ creatorId }: GetPayoutAccountQuery) {
    return payoutAccountView(await this.accounts.ofCreator(creatorId), await this.holds.heldFor(creatorId));
  }
}
