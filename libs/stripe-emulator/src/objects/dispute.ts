/** Stripe's `dispute` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';
import type { ChargeObject } from './charge.js';

export interface DisputeObject extends EmulatorObject {
  object: 'dispute';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  reason: string;
  status: DisputeStatus;
  created: number;
}

/** The statuses the emulator moves a dispute through: opened, then closed by the bank's decision. */
export type DisputeStatus = 'needs_response' | 'won' | 'lost';
export type DisputeOutcome = 'won' | 'lost';

export function buildDispute(fields: { id: string; now: number; charge: ChargeObject; reason: string }): DisputeObject {
  const sevenDays = 7 * 86_400;
  return {
    id: fields.id,
    object: 'dispute',
    amount: fields.charge.amount,
    balance_transactions: [],
    charge: fields.charge.id,
    created: fields.now,
    currency: fields.charge.currency,
    enhanced_eligibility_types: [],
    evidence: {},
    evidence_details: {
      due_by: fields.now + sevenDays,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: fields.charge.payment_intent,
    reason: fields.reason,
    status: 'needs_response',
  };
}
