/** Stripe's `invoice_payment` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';
import type { InvoiceObject } from './invoice.js';

export interface InvoicePaymentObject extends EmulatorObject {
  object: 'invoice_payment';
  invoice: string;
  amount_paid: number | null;
  amount_requested: number;
  currency: string;
  status: 'open' | 'paid' | 'canceled';
  is_default: boolean;
  payment: { type: 'payment_intent'; payment_intent: string };
  status_transitions: { canceled_at: number | null; paid_at: number | null };
  created: number;
}

export function buildInvoicePayment(fields: {
  id: string;
  now: number;
  invoice: InvoiceObject;
  paymentIntent: string;
}): InvoicePaymentObject {
  return {
    id: fields.id,
    object: 'invoice_payment',
    amount_paid: null,
    amount_requested: fields.invoice.amount_due,
    created: fields.now,
    currency: fields.invoice.currency,
    invoice: fields.invoice.id,
    is_default: true,
    livemode: false,
    payment: { type: 'payment_intent', payment_intent: fields.paymentIntent },
    status: 'open',
    status_transitions: { canceled_at: null, paid_at: null },
  };
}
