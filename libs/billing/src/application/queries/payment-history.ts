import type { Invoice } from '../../domain/payment/invoice.js';
import type { Payment } from '../../domain/payment/payment.js';
import type { Refund } from '../../domain/payment/refund.js';

/** Newest first by id, at most `limit + 1` rows (the extra one says there is a next page). */
export interface HistoryPageRequest {
  limit: number;
  beforeId?: string;
}

/** The read side of invoices, payments and their refunds, for the history views. */
export abstract class PaymentHistory {
  abstract invoicesOf(userId: string, page: HistoryPageRequest): Promise<Invoice[]>;
  /** One of the user's invoices (someone else's is null, like a missing one). */
  abstract invoiceOf(userId: string, invoiceId: string): Promise<Invoice | null>;
  /** A user's payments, or everyone's when `userId` is null (admins). */
  abstract payments(userId: string | null, page: HistoryPageRequest): Promise<Payment[]>;
  /** Refunds (credit notes) against these invoices, oldest first. */
  abstract refundsOfInvoices(invoiceIds: string[]): Promise<Refund[]>;
  /** Refunds of these payments, oldest first. */
  abstract refundsOfPayments(paymentIds: string[]): Promise<Refund[]>;
}
