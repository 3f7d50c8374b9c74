/** Refunds and disputes of charges. */
import { formatAmount } from './billing-math.js';
import { applyConnectRefund } from './connect.js';
import { invalidRequest } from './errors.js';
import {
  buildDispute,
  buildRefund,
  type ChargeObject,
  type DisputeObject,
  type DisputeOutcome,
  type PaymentIntentObject,
  type RefundObject,
  type RefundReason,
} from './objects/index.js';
import { mergeMetadata, metadataParam, optionalEnum, optionalInteger, optionalString, type Params } from './params.js';
import type { Transaction } from './transaction.js';

const REFUND_REASONS: readonly RefundReason[] = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** POST /v1/refunds: `charge` or `payment_intent`; `amount` defaults to what is left to refund. */
export async function createRefund(tx: Transaction, params: Params): Promise<RefundObject> {
  const charge = await chargeToRefund(tx, params);
  const refundable = charge.amount_captured - charge.amount_refunded;
  if (refundable <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: 'charge_already_refunded' });
  }
  if (charge.disputed) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: 'charge_disputed',
    });
  }
  const amount = optionalInteger(params, 'amount') ?? refundable;
  if (amount < 1)
    throw invalidRequest('This value must be greater than or equal to 1.', {
      code: 'amount_too_small',
      param: 'amount',
    });
  if (amount > refundable) {
    const asked = formatAmount(amount, charge.currency);
    const left = formatAmount(refundable, charge.currency);
    throw invalidRequest(`Refund amount (${asked}) is greater than unrefunded amount on charge (${left})`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  }
  const refund = buildRefund({
    id: tx.id('re'),
    now: tx.now,
    charge,
    amount,
    reason: optionalEnum(params, 'reason', REFUND_REASONS) ?? null,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount_captured;
  await applyConnectRefund(tx, charge, refund, params);
  tx.put(charge);
  tx.put(refund);
  tx.emit('charge.refunded', charge);
  tx.emit('refund.created', refund);
  return refund;
}

async function chargeToRefund(tx: Transaction, params: Params): Promise<ChargeObject> {
  const chargeId = optionalString(params, 'charge');
  const intentId = optionalString(params, 'payment_intent');
  if (chargeId && intentId)
    throw invalidRequest('You can only pass one of `charge` or `payment_intent`.', {
      code: 'parameters_exclusive',
      param: 'payment_intent',
    });
  if (chargeId) return succeededCharge(await tx.require<ChargeObject>(chargeId, 'charge', 'charge'), 'charge');
  if (!intentId)
    throw invalidRequest('One of the following params should be provided for this request: payment_intent or charge.');
  const intent = await tx.require<PaymentIntentObject>(intentId, 'payment_intent', 'payment_intent');
  if (intent.status !== 'succeeded' || !intent.latest_charge) {
    throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
      param: 'payment_intent',
    });
  }
  return tx.require<ChargeObject>(intent.latest_charge, 'charge', 'payment_intent');
}

function succeededCharge(charge: ChargeObject, param: string): ChargeObject {
  if (charge.status !== 'succeeded')
    throw invalidRequest(`Charge ${charge.id} did not succeed, so it cannot be refunded.`, { param });
  return charge;
}

/** The cardholder disputes a charge (event charge.dispute.created). */
export async function createDispute(tx: Transaction, chargeId: string, reason: string): Promise<DisputeObject> {
  const charge = await tx.require<ChargeObject>(chargeId, 'charge');
  if (charge.status !== 'succeeded')
    throw invalidRequest(`Charge ${charge.id} did not succeed, so it cannot be disputed.`);
  if (charge.disputed) throw invalidRequest(`Charge ${charge.id} is already disputed.`);
  const dispute = buildDispute({ id: tx.id('dp'), now: tx.now, charge, reason });
  charge.disputed = true;
  tx.put(charge);
  tx.put(dispute);
  tx.emit('charge.dispute.created', dispute);
  return dispute;
}

/**
 * The bank decides an open dispute (event charge.dispute.closed; a won one also charge.dispute.funds_reinstated, as
 * Stripe sends). The charge stays `disputed`: the outcome is read from the dispute.
 */
export async function closeDispute(
  tx: Transaction,
  disputeId: string,
  outcome: DisputeOutcome,
): Promise<DisputeObject> {
  const dispute = await tx.require<DisputeObject>(disputeId, 'dispute');
  if (dispute.status === 'won' || dispute.status === 'lost')
    throw invalidRequest(`Dispute ${dispute.id} is already closed (${dispute.status}).`);
  dispute.status = outcome;
  tx.put(dispute);
  tx.emit('charge.dispute.closed', dispute);
  if (outcome === 'won') tx.emit('charge.dispute.funds_reinstated', dispute);
  return dispute;
}

/** GET /v1/disputes filters: `charge`, `payment_intent`. */
export function filterDisputes(disputes: DisputeObject[], params: Params): DisputeObject[] {
  const charge = optionalString(params, 'charge');
  const intent = optionalString(params, 'payment_intent');
  return disputes.filter(
    (dispute) =>
      (charge === undefined || dispute.charge === charge) &&
      (intent === undefined || dispute.payment_intent === intent),
  );
}
