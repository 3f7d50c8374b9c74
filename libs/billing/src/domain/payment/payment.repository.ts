import type { Invoice } from './invoice.js';
import type { Payment } from './payment.js';
import type { Refund } from './refund.js';

export abstract class PaymentRepository {
  abstract invoiceByProviderId(providerInvoiceId: string): Promise<Invoice | null>;
  abstract invoiceById(id: string): Promise<Invoice | null>;
  abstract paymentById(id: string): Promise<Payment | null>;
  abstract paymentByInvoice(invoiceId: string): Promise<Payment | null>;
  abstract paymentByProviderId(providerPaymentId: string): Promise<Payment | null>;
  abstract refundById(id: string): Promise<Refund | null>;
  abstract refundByProviderId(providerRefundId: string): Promise<Refund | null>;
  /** The next credit note number, from a database sequence (gap-free enough for display, never reused). */
  abstract nextCreditNoteNumber(): Promise<string>;
  abstract add(...entities: Array<Invoice | Payment | Refund>): void;
}
