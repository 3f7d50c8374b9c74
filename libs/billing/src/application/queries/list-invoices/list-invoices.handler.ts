import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toInvoiceView } from '../../payment-views.js';
import { beforeIdOf, pageOf } from '../paging.js';
import { PaymentHistory } from '../payment-history.js';
import { ListInvoicesQuery } from './list-invoices.query.js';

/** The caller's invoices, newest first, each with the credit notes issued against it. */
@QueryHandler(ListInvoicesQuery)
export class ListInvoicesHandler implements IQueryHandler<ListInvoicesQuery> {
  constructor(private readonly history: PaymentHistory) {}

  async execute({ userId, limit, cursor }: ListInvoicesQuery) {
    const invoices = await this.history.invoicesOf(userId, { limit, beforeId: beforeIdOf(cursor) });
    const refunds = await this.history.refundsOfInvoices(invoices.map((invoice) => invoice.id));
    return pageOf(invoices, limit, (invoice) =>
      toInvoiceView(
        invoice,
        refunds.filter((refund) => refund.invoiceId === invoice.id),
      ),
    );
  }
}
