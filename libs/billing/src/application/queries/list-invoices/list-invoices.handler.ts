import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Invoice } from '../../../domain/payment/invoice.js';
import { Refund } from '../../../domain/payment/refund.js';
import { toInvoiceView } from '../../payment-views.js';
import { beforeIdOf, pageOf } from '../paging.js';
import { ListInvoicesQuery } from './list-invoices.query.js';

/** The caller's invoices, newest first, each with the credit notes issued against it. */
@QueryHandler(ListInvoicesQuery)
export class ListInvoicesHandler implements IQueryHandler<ListInvoicesQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListInvoicesQuery) {
    const beforeId = beforeIdOf(cursor);
    const invoices = await this.em.find(Invoice, { userId, ...(beforeId ? { id: { $lt: beforeId } } : {}) }, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const refunds = invoices.length ? await this.em.find(Refund, { invoiceId: { $in: invoices.map((invoice) => invoice.id) } }, { orderBy: { createdAt: 'asc' } }) : [];
    return pageOf(invoices, limit, (invoice) => toInvoiceView(invoice, refunds.filter((refund) => refund.invoiceId === invoice.id)));
  }
}
