import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InvoiceNotFoundError } from '../../../domain/payment/invoice.errors.js';
import { toInvoiceView } from '../../payment-views.js';
import { PaymentHistory } from '../payment-history.js';
import { GetInvoiceQuery } from './get-invoice.query.js';

/** One of the caller's invoices; someone else's is indistinguishable from a missing one. */
@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler implements IQueryHandler<GetInvoiceQuery> {
  constructor(private readonly history: PaymentHistory) {}

  async execute({ userId, invoiceId }: GetInvoiceQuery) {
    const invoice = await this.history.invoiceOf(userId, invoiceId);
    if (!invoice) throw new InvoiceNotFoundError(invoiceId);
    return toInvoiceView(invoice, await this.history.refundsOfInvoices([invoiceId]));
  }
}
