import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { InvoiceView } from '../../payment-views.js';

export class ListInvoicesQuery extends Query<Page<InvoiceView>> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
