/** Stripe's `payment_intent` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';

export interface PaymentIntentObject extends EmulatorObject {
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  customer: string;
  description: string | null;
  status: 'requires_payment_method' | 'succeeded';
  latest_charge: string | null;
  last_payment_error: Record<string, unknown> | null;
  created: number;
}

export function buildPaymentIntent(fields: {
  id: string;
  now: number;
  amount: number;
  currency: string;
  customer: string;
  description: string;
}): PaymentIntentObject {
  return {
    id: fields.id,
    object: 'payment_intent',
    amount: fields.amount,
    amount_capturable: 0,
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic',
    client_secret: `${fields.id}_secret_emulator`,
    confirmation_method: 'automatic',
    created: fields.now,
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: {},
    next_action: null,
    on_behalf_of: null,
    payment_method: 'pm_card_visa',
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: ['card'],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: 'requires_payment_method',
  };
}
