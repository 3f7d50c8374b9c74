import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toPaymentView } from '../../payment-views.js';
import { beforeIdOf, pageOf } from '../paging.js';
import { PaymentHistory } from '../payment-history.js';
import { ListPaymentsQuery } from './list-payments.query.js';

/** Payments newest first, each with its refunds and credit notes. */
@QueryHandler(ListPaymentsQuery)
export class ListPaymentsHandler implements IQueryHandler<ListPaymentsQuery> {
  constructor(private readonly history: PaymentHistory) {}

  async execute({ userId, limit, cursor }: ListPaymentsQuery) {
    const payments = await this.history.payments(userId, { limit, beforeId: beforeIdOf(cursor) });
    const refunds = await this.history.refundsOfPayments(payments.map((payment) => payment.id));
    return pageOf(payments, limit, (payment) =>
      toPaymentView(
        payment,
        refunds.filter((refund) => refund.paymentId === payment.id),
      ),
    );
  }
}
