import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PaymentHistory, type HistoryPageRequest } from '../../application/queries/payment-history.js';
import { Invoice } from '../../domain/payment/invoice.js';
import { Payment } from '../../domain/payment/payment.js';
import { Refund } from '../../domain/payment/refund.js';

@Injectable()
export class MikroOrmPaymentHistory extends PaymentHistory {
  constructor(private readonly em: EntityManager) {
    super();
  }

  invoicesOf(userId: string, { limit, beforeId }: HistoryPageRequest): Promise<Invoice[]> {
    return this.em.find(
      Invoice,
      { userId, ...(beforeId ? { id: { $lt: beforeId } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
  }

  invoiceOf(userId: string, invoiceId: string): Promise<Invoice | null> {
    return this.em.findOne(Invoice, { id: invoiceId, userId });
  }

  payments(userId: string | null, { limit, beforeId }: HistoryPageRequest): Promise<Payment[]> {
    const where = { ...(userId ? { userId } : {}), ...(beforeId ? { id: { $lt: beforeId } } : {}) };
    return this.em.find(Payment, where, { orderBy: { id: 'desc' }, limit: limit + 1 });
  }

  async refundsOfInvoices(invoiceIds: string[]): Promise<Refund[]> {
    return invoiceIds.length
      ? this.em.find(Refund, { invoiceId: { $in: invoiceIds } }, { orderBy: { createdAt: 'asc' } })
      : [];
  }

  async refundsOfPayments(paymentIds: string[]): Promise<Refund[]> {
    return paymentIds.length
      ? this.em.find(Refund, { paymentId: { $in: paymentIds } }, { orderBy: { createdAt: 'asc' } })
      : [];
  }
}
