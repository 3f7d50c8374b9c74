import type { Invoice } from '../domain/payment/invoice.js';
import type { Payment } from '../domain/payment/payment.js';
import type { Refund } from '../domain/payment/refund.js';

export interface RefundView {
  id: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  creditNote: { number: string; amount: number; issuedAt: string } | null;
  createdAt: string;
}

export interface PaymentView {
  id: string;
  invoiceId: string;
  amount: number;
  refundedAmount: number;
  currency: string;
  status: string;
  disputed: boolean;
  paidAt: string;
  refunds: RefundView[];
}

export interface InvoiceView {
  id: string;
  number: string | null;
  status: string;
  amountDue: number;
  amountPaid: number;
  currency: string;
  billingReason: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  hostedUrl: string | null;
  pdfUrl: string | null;
  issuedAt: string;
  paidAt: string | null;
  creditNotes: Array<{ number: string; amount: number; reason: string | null; issuedAt: string }>;
}

export function toRefundView(refund: Refund): RefundView {
  return {
    id: refund.id,
    paymentId: refund.paymentId,
    amount: refund.amount,
    currency: refund.currency,
    status: refund.status,
    reason: refund.reason,
    creditNote:
      refund.creditNoteNumber && refund.settledAt
        ? { number: refund.creditNoteNumber, amount: refund.amount, issuedAt: refund.settledAt.toISOString() }
        : null,
    createdAt: refund.createdAt.toISOString(),
  };
}

export function toPaymentView(payment: Payment, refunds: Refund[]): PaymentView {
  return {
    id: payment.id,
    invoiceId: payment.invoiceId,
    amount: payment.amount,
    refundedAmount: refunds
      .filter((refund) => refund.status === 'succeeded')
      .reduce((sum, refund) => sum + refund.amount, 0),
    currency: payment.currency,
    status: payment.status,
    disputed: payment.disputeId !== null,
    paidAt: payment.paidAt.toISOString(),
    refunds: refunds.map(toRefundView),
  };
}

export function toInvoiceView(invoice: Invoice, refunds: Refund[]): InvoiceView {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    amountDue: invoice.amountDue,
    amountPaid: invoice.amountPaid,
    currency: invoice.currency,
    billingReason: invoice.billingReason,
    periodStart: invoice.periodStart?.toISOString() ?? null,
    periodEnd: invoice.periodEnd?.toISOString() ?? null,
    hostedUrl: invoice.hostedUrl,
    pdfUrl: invoice.pdfUrl,
    issuedAt: invoice.issuedAt.toISOString(),
    paidAt: invoice.paidAt?.toISOString() ?? null,
    creditNotes: refunds
      .filter((refund) => refund.creditNoteNumber && refund.settledAt)
      .map((refund) => ({
        number: refund.creditNoteNumber!,
        amount: refund.amount,
        reason: refund.reason,
        issuedAt: refund.settledAt!.toISOString(),
      })),
  };
}
