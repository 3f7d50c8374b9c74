import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '@lib/platform/ddd';
import { Invoice } from '../../../domain/payment/invoice.js';
import { Refund } from '../../../domain/payment/refund.js';
import { toInvoiceView } from '../../payment-views.js';
import { GetInvoiceQuery } from './get-invoice.query.js';

export class InvoiceNotFoundError extends DomainError {
  readonly code = 'billing.invoice.not-found';
  readonly kind = 'not-found';
  constructor(invoiceId: string) {
    super('There is no such invoice', { invoiceId });
  }
}

/** One of the caller's invoices; someone else's is indistinguishable from a missing one. */
@QueryHandler(GetInvoiceQuery)
export class GetInvoiceHandler implements IQueryHandler<GetInvoiceQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, invoiceId }: GetInvoiceQuery) {
    const invoice = await this.em.findOne(Invoice, { id: invoiceId, userId });
    if (!invoice) throw new InvoiceNotFoundError(invoiceId);
    return toInvoiceView(invoice, await this.em.find(Refund, { invoiceId }, { orderBy: { createdAt: 'asc' } }));
  }
}
