import { Query } from '@nestjs/cqrs';
import type { InvoiceView } from '../../payment-views.js';

export class GetInvoiceQuery extends Query<InvoiceView> {
  constructor(
    readonly userId: string,
    readonly invoiceId: string,
  ) {
    super();
  }
}
