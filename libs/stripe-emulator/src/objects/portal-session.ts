/** Stripe's `portal_session` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';

export interface PortalSessionObject extends EmulatorObject {
  object: 'billing_portal.session';
  customer: string;
  return_url: string | null;
  url: string;
  created: number;
}

export function buildPortalSession(fields: {
  id: string;
  now: number;
  customer: string;
  returnUrl: string | null;
  url: string;
}): PortalSessionObject {
  return {
    id: fields.id,
    object: 'billing_portal.session',
    configuration: 'bpc_emulator_default',
    created: fields.now,
    customer: fields.customer,
    customer_account: null,
    flow: null,
    livemode: false,
    locale: null,
    on_behalf_of: null,
    return_url: fields.returnUrl,
    url: fields.url,
  };
}
