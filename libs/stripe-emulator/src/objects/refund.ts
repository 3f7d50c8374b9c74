/** Stripe's `refund` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';
import type { ChargeObject } from './charge.js';
import type { Metadata } from './common.js';

export type RefundReason = 'duplicate' | 'fraudulent' | 'requested_by_customer';

export interface RefundObject extends EmulatorObject {
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: 'succeeded';
  reason: RefundReason | null;
  metadata: Metadata;
  created: number;
}

export function buildRefund(fields: {
  id: string;
  now: number;
  charge: ChargeObject;
  amount: number;
  reason: RefundReason | null;
  metadata: Metadata;
}): RefundObject {
  return {
    id: fields.id,
    object: 'refund',
    amount: fields.amount,
    balance_transaction: null,
    charge: fields.charge.id,
    created: fields.now,
    currency: fields.charge.currency,
    customer: fields.charge.customer,
    customer_account: null,
    destination_details: {
      type: 'card',
      card: { reference_status: 'pending', reference_type: 'acquirer_reference_number', type: 'refund' },
    },
    metadata: fields.metadata,
    payment_intent: fields.charge.payment_intent,
    payment_method: 'pm_card_visa',
    reason: fields.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}
