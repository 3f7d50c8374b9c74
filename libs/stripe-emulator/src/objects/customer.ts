/** Stripe's `customer` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';
import type { Metadata } from './common.js';

export interface CustomerObject extends EmulatorObject {
  object: 'customer';
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Metadata;
  /** Negative = credit the customer has with us (what a downgrade invoice leaves behind), applied to later invoices. */
  balance: number;
  invoice_prefix: string;
  next_invoice_sequence: number;
}

export function buildCustomer(fields: {
  id: string;
  now: number;
  email: string | null;
  name: string | null;
  description: string | null;
  metadata: Metadata;
}): CustomerObject {
  return {
    id: fields.id,
    object: 'customer',
    address: null,
    balance: 0,
    created: fields.now,
    currency: null,
    default_source: null,
    delinquent: false,
    description: fields.description,
    discount: null,
    email: fields.email,
    invoice_prefix: invoicePrefixFor(fields.id),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: fields.metadata,
    name: fields.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
}

// Stripe gives each customer a random 8-character invoice number prefix; derive it from the id so it is stable.
function invoicePrefixFor(customerId: string): string {
  let hash = 0;
  for (const char of customerId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).toUpperCase().padStart(8, '0').slice(-8);
}
