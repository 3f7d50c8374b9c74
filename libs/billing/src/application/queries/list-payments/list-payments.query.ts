import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { PaymentView } from '../../payment-views.js';

export class ListPaymentsQuery extends Query<Page<PaymentView>> {
  constructor(
    /** Null for an admin's view of every payment. */
    readonly userId: string | null,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
