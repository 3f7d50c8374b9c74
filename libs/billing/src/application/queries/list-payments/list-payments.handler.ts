import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { Payment } from '../../../domain/payment/payment.js';
import { Refund } from '../../../domain/payment/refund.js';
import { toPaymentView } from '../../payment-views.js';
import { beforeIdOf, pageOf } from '../paging.js';
import { ListPaymentsQuery } from './list-payments.query.js';

/** Payments newest first, each with its refunds and credit notes. */
@QueryHandler(ListPaymentsQuery)
export class ListPaymentsHandler implements IQueryHandler<ListPaymentsQuery> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, limit, cursor }: ListPaymentsQuery) {
    const beforeId = beforeIdOf(cursor);
    const where = { ...(userId ? { userId } : {}), ...(beforeId ? { id: { $lt: beforeId } } : {}) };
    const payments = await this.em.find(Payment, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
    const refunds = payments.length ? await this.em.find(Refund, { paymentId: { $in: payments.map((payment) => payment.id) } }, { orderBy: { createdAt: 'asc' } }) : [];
    return pageOf(payments, limit, (payment) => toPaymentView(payment, refunds.filter((refund) => refund.paymentId === payment.id)));
  }
}
