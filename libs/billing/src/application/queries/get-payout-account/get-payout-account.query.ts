import { Query } from '@nestjs/cqrs';
import type { PayoutAccountView } from '../../tips/tip-views.js';

export class GetPayoutAccountQuery extends Query<PayoutAccountView> {
  constructor(readonly creatorId: string) {
    super();
  }
}
