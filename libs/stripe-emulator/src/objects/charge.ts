/** Stripe's `charge` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';
import type { PaymentIntentObject } from './payment-intent.js';

export interface ChargeObject extends EmulatorObject {
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  customer: string;
  payment_intent: string;
  status: 'succeeded' | 'failed';
  paid: boolean;
  refunded: boolean;
  disputed: boolean;
  receipt_url: string | null;
  created: number;
}

export function buildCharge(fields: {
  id: string;
  now: number;
  paymentIntent: PaymentIntentObject;
  succeeded: boolean;
  receiptUrl: string;
  billingEmail: string | null;
}): ChargeObject {
  const { paymentIntent: intent, succeeded } = fields;
  return {
    id: fields.id,
    object: 'charge',
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: { address: null, email: fields.billingEmail, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: 'SHOWRUNNER',
    captured: succeeded,
    created: fields.now,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: succeeded ? null : 'card_declined',
    failure_message: succeeded ? null : 'Your card was declined.',
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: succeeded
      ? {
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          seller_message: 'Payment complete.',
          type: 'authorized',
        }
      : {
          network_status: 'declined_by_network',
          reason: 'generic_decline',
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        },
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: 'pm_card_visa',
    payment_method_details: {
      type: 'card',
      card: {
        brand: 'visa',
        country: 'US',
        exp_month: 12,
        exp_year: 2034,
        funding: 'credit',
        last4: succeeded ? '4242' : '0002',
      },
    },
    receipt_email: null,
    receipt_number: null,
    receipt_url: succeeded ? fields.receiptUrl : null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: succeeded ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}
