/** Stripe's `event` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';

export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export interface EventObject extends EmulatorObject {
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  data: { object: EmulatorObject; previous_attributes?: Record<string, unknown> };
  request: EventRequest;
}
