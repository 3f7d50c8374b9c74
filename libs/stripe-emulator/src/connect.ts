/** Stripe Connect: Express accounts and their onboarding, destination charges (fee + transfer), transfers, reversals, payouts. */
import { invalidRequest, noSuch } from './errors.js';
import {
  buildAccount,
  buildApplicationFee,
  buildPayout,
  buildTransfer,
  buildTransferReversal,
  type AccountLinkDetails,
  type AccountLinkObject,
  type AccountObject,
  type ApplicationFeeObject,
  type ChargeObject,
  type ConnectBalance,
  type EventObject,
  type Metadata,
  type PayoutInterval,
  type PayoutObject,
  type RefundObject,
  type TransferObject,
  type TransferReversalObject,
} from './objects/index.js';
import {
  hashParam,
  mergeMetadata,
  metadataParam,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  requiredString,
  type Params,
} from './params.js';
import { changedAttributes, type Transaction } from './transaction.js';

const ACCOUNT_LINK_TTL_SECONDS = 300;
const PAYOUT_INTERVALS: readonly PayoutInterval[] = ['manual', 'daily', 'weekly', 'monthly'];

function balanceId(account: string): string {
  return `emulator_connect_balance_${account}`;
}

/** Events about a connected account carry its id in `account`, as Connect webhooks do. */
function emitForAccount(
  tx: Transaction,
  account: string,
  type: string,
  object: Parameters<Transaction['emit']>[1],
  previous?: Record<string, unknown>,
): EventObject {
  const event = tx.emit(type, object, previous);
  (event as EventObject & { account: string }).account = account;
  return event;
}

// ------------------------------------------------------------------------------------------------ accounts

/** POST /v1/accounts (Express only). */
export function createAccount(tx: Transaction, params: Params): AccountObject {
  const type = optionalString(params, 'type') ?? 'express';
  if (type !== 'express')
    throw invalidRequest('The Stripe emulator supports Express accounts only (type=express).', { param: 'type' });
  const account = buildAccount({
    id: tx.id('acct'),
    now: tx.now,
    email: optionalString(params, 'email') ?? null,
    country: optionalString(params, 'country') ?? 'US',
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  tx.put(account);
  return account;
}

/** POST /v1/accounts/:id: metadata and the payout schedule (a platform holds payouts with interval=manual). */
export async function updateAccount(tx: Transaction, id: string, params: Params): Promise<AccountObject> {
  const account = await tx.require<AccountObject>(id, 'account');
  const before = structuredClone(account);
  account.metadata = mergeMetadata(account.metadata, metadataParam(params));
  const schedule = hashParam(hashParam(hashParam(params, 'settings'), 'payouts'), 'schedule');
  const path = 'settings[payouts][schedule][interval]';
  const interval = optionalEnum(schedule, 'interval', PAYOUT_INTERVALS, path);
  if (interval) account.settings.payouts.schedule.interval = interval;
  const email = optionalString(params, 'email');
  if (email !== undefined) account.email = email || null;
  const previous = changedAttributes(before, account);
  tx.put(account);
  if (Object.keys(previous).length > 0) emitForAccount(tx, account.id, 'account.updated', account, previous);
  return account;
}

/** POST /v1/account_links: a short-lived onboarding link to the sandbox's onboarding page. */
export async function createAccountLink(tx: Transaction, params: Params): Promise<AccountLinkObject> {
  const account = await tx.require<AccountObject>(requiredString(params, 'account'), 'account', 'account');
  const type = requiredString(params, 'type');
  if (type !== 'account_onboarding' && type !== 'account_update')
    throw invalidRequest(`Invalid type: must be one of account_onboarding or account_update`, { param: 'type' });
  const linkId = tx.id('aclink');
  const details: AccountLinkDetails = {
    id: linkId,
    object: 'emulator.account_link',
    account: account.id,
    return_url: requiredString(params, 'return_url'),
    refresh_url: requiredString(params, 'refresh_url'),
    expires_at: tx.now + ACCOUNT_LINK_TTL_SECONDS,
    created: tx.now,
  };
  tx.put(details);
  return {
    id: linkId,
    object: 'account_link',
    created: tx.now,
    expires_at: details.expires_at,
    url: tx.urls.connect(linkId),
  };
}

/** The person finishes (or abandons) Express onboarding on the page an account link opened. */
export async function completeOnboarding(tx: Transaction, linkId: string): Promise<AccountObject> {
  const link = await tx.find<AccountLinkDetails>(linkId, 'emulator.account_link');
  if (!link) throw noSuch('account link', linkId);
  if (tx.now >= link.expires_at) throw invalidRequest(`Account link ${linkId} expired; create a new one.`);
  const account = await tx.require<AccountObject>(link.account, 'account');
  const before = structuredClone(account);
  Object.assign(account, {
    details_submitted: true,
    charges_enabled: true,
    payouts_enabled: true,
    capabilities: { card_payments: 'active', transfers: 'active' },
    requirements: { currently_due: [], disabled_reason: null },
  });
  const previous = changedAttributes(before, account);
  tx.put(account);
  // A link is spent once used, as Stripe's are.
  link.expires_at = tx.now;
  tx.put(link);
  if (Object.keys(previous).length > 0) emitForAccount(tx, account.id, 'account.updated', account, previous);
  return account;
}

/** Stripe's error when money is sent to an account that cannot receive transfers. */
export async function requireTransferableAccount(tx: Transaction, id: string, param: string): Promise<AccountObject> {
  const account = await tx.require<AccountObject>(id, 'account', param);
  if (account.capabilities.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param },
    );
  }
  return account;
}

// ------------------------------------------------------------------------------------ destination charges

async function credit(tx: Transaction, account: string, currency: string, amount: number): Promise<void> {
  const balance = (await tx.find<ConnectBalance>(balanceId(account), 'emulator.connect_balance')) ?? {
    id: balanceId(account),
    object: 'emulator.connect_balance',
    account,
    available: {},
  };
  balance.available[currency] = (balance.available[currency] ?? 0) + amount;
  tx.put(balance);
}

/** A connected account's available balance per currency (negative after reversals of money already paid out). */
export async function balanceOf(tx: Transaction, account: string): Promise<Record<string, number>> {
  return (await tx.find<ConnectBalance>(balanceId(account), 'emulator.connect_balance'))?.available ?? {};
}

/**
 * A destination charge succeeded: the platform keeps `feeAmount` as an application fee and transfers the rest to
 * the destination account (events application_fee.created and transfer.created).
 */
export async function settleDestinationCharge(
  tx: Transaction,
  charge: ChargeObject,
  destination: { account: string; feeAmount: number; metadata: Metadata },
): Promise<{ fee: ApplicationFeeObject | null; transfer: TransferObject }> {
  let fee: ApplicationFeeObject | null = null;
  if (destination.feeAmount > 0) {
    fee = buildApplicationFee({
      id: tx.id('fee'),
      now: tx.now,
      account: destination.account,
      amount: destination.feeAmount,
      currency: charge.currency,
      charge: charge.id,
    });
    tx.put(fee);
  }
  const transfer = buildTransfer({
    id: tx.id('tr'),
    now: tx.now,
    amount: charge.amount - destination.feeAmount,
    currency: charge.currency,
    destination: destination.account,
    sourceTransaction: charge.id,
    metadata: destination.metadata,
  });
  tx.put(transfer);
  await credit(tx, destination.account, charge.currency, transfer.amount);
  Object.assign(charge, {
    application_fee: fee?.id ?? null,
    application_fee_amount: destination.feeAmount || null,
    transfer: transfer.id,
    transfer_data: { amount: null, destination: destination.account },
  });
  if (fee) tx.emit('application_fee.created', fee);
  tx.emit('transfer.created', transfer);
  return { fee, transfer };
}

/**
 * POST /v1/transfers: the platform sends money of its own to a connected account (separate charges and transfers;
 * the platform's balance is not modelled). Event transfer.created.
 */
export async function createTransfer(tx: Transaction, params: Params): Promise<TransferObject> {
  const amount = optionalInteger(params, 'amount');
  if (amount === undefined) throw invalidRequest('Missing required param: amount.', { param: 'amount' });
  if (amount < 1)
    throw invalidRequest('This value must be greater than or equal to 1.', {
      code: 'amount_too_small',
      param: 'amount',
    });
  const currency = requiredString(params, 'currency').toLowerCase();
  const destination = await requireTransferableAccount(tx, requiredString(params, 'destination'), 'destination');
  const transfer = buildTransfer({
    id: tx.id('tr'),
    now: tx.now,
    amount,
    currency,
    destination: destination.id,
    sourceTransaction: null,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  transfer.transfer_group = optionalString(params, 'transfer_group') ?? null;
  transfer.description = optionalString(params, 'description') ?? null;
  tx.put(transfer);
  await credit(tx, destination.id, currency, amount);
  tx.emit('transfer.created', transfer);
  return transfer;
}

/** POST /v1/transfers/:id/reversals: takes money back from the connected account (its balance may go negative). */
export async function reverseTransfer(
  tx: Transaction,
  transferId: string,
  params: Params,
  sourceRefund: string | null = null,
): Promise<TransferReversalObject> {
  const transfer = await tx.require<TransferObject>(transferId, 'transfer');
  const left = transfer.amount - transfer.amount_reversed;
  const amount = optionalInteger(params, 'amount') ?? left;
  if (left <= 0) throw invalidRequest(`Transfer ${transfer.id} has already been fully reversed.`);
  if (amount < 1)
    throw invalidRequest('This value must be greater than or equal to 1.', {
      code: 'amount_too_small',
      param: 'amount',
    });
  if (amount > left)
    throw invalidRequest(`Amount (${amount}) is greater than the amount left to reverse (${left}).`, {
      code: 'amount_too_large',
      param: 'amount',
    });
  const reversal = buildTransferReversal({
    id: tx.id('trr'),
    now: tx.now,
    transfer,
    amount,
    sourceRefund,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  tx.put(reversal);
  tx.put(transfer);
  await credit(tx, transfer.destination, transfer.currency, -amount);
  tx.emit('transfer.reversed', transfer);
  return reversal;
}

/**
 * A refund of a destination charge with `reverse_transfer` takes the same share back from the connected account;
 * with `refund_application_fee` the platform gives back its share of the fee too.
 */
export async function applyConnectRefund(
  tx: Transaction,
  charge: ChargeObject,
  refund: RefundObject,
  params: Params,
): Promise<void> {
  const transferId = typeof charge.transfer === 'string' ? charge.transfer : null;
  if (optionalBoolean(params, 'reverse_transfer') && transferId) {
    const transfer = await tx.require<TransferObject>(transferId, 'transfer');
    const share = Math.min(
      Math.round((transfer.amount * refund.amount) / charge.amount),
      transfer.amount - transfer.amount_reversed,
    );
    if (share > 0) {
      const reversal = await reverseTransfer(tx, transferId, { amount: share }, refund.id);
      refund.transfer_reversal = reversal.id;
    }
  }
  const feeId = typeof charge.application_fee === 'string' ? charge.application_fee : null;
  if (optionalBoolean(params, 'refund_application_fee') && feeId) {
    const fee = await tx.require<ApplicationFeeObject>(feeId, 'application_fee');
    const share = Math.min(Math.round((fee.amount * refund.amount) / charge.amount), fee.amount - fee.amount_refunded);
    if (share > 0) {
      fee.amount_refunded += share;
      fee.refunded = fee.amount_refunded === fee.amount;
      tx.put(fee);
      tx.emit('application_fee.refunded', fee);
    }
  }
}

// ---------------------------------------------------------------------------------------------- payouts

/**
 * Stripe's automatic payout run: every onboarded account whose schedule is not manual gets its positive available
 * balance paid out, one payout per currency (event payout.created). Returns the payouts made.
 */
export async function runPayouts(tx: Transaction, onlyAccount?: string): Promise<PayoutObject[]> {
  const made: PayoutObject[] = [];
  for (const account of await tx.list<AccountObject>('account')) {
    if (onlyAccount && account.id !== onlyAccount) continue;
    if (!account.payouts_enabled || account.settings.payouts.schedule.interval === 'manual') continue;
    for (const [currency, amount] of Object.entries(await balanceOf(tx, account.id))) {
      if (amount <= 0) continue;
      const payout = buildPayout({ id: tx.id('po'), now: tx.now, amount, currency, automatic: true, metadata: {} });
      payout.status = 'in_transit';
      tx.put(payout);
      tx.put<PayoutOwner>({ id: ownerId(payout.id), object: 'emulator.payout_owner', account: account.id });
      await credit(tx, account.id, currency, -amount);
      emitForAccount(tx, account.id, 'payout.created', payout);
      made.push(payout);
    }
  }
  return made;
}

/** Which connected account a payout belongs to (Stripe answers that through the Stripe-Account header). */
interface PayoutOwner {
  id: string;
  object: 'emulator.payout_owner';
  account: string;
  [key: string]: unknown;
}

function ownerId(payoutId: string): string {
  return `emulator_payout_owner_${payoutId}`;
}

/** The bank answers: payout.paid, or payout.failed (the money goes back to the account's balance). */
export async function settlePayout(
  tx: Transaction,
  payoutId: string,
  outcome: 'paid' | 'failed',
): Promise<PayoutObject> {
  const payout = await tx.require<PayoutObject>(payoutId, 'payout');
  if (payout.status !== 'pending' && payout.status !== 'in_transit')
    throw invalidRequest(`Payout ${payout.id} is already ${payout.status}.`);
  const owner = await tx.require<PayoutOwner>(ownerId(payout.id), 'emulator.payout_owner');
  const before = structuredClone(payout);
  payout.status = outcome;
  if (outcome === 'failed') {
    payout.failure_code = 'account_closed';
    payout.failure_message = 'The bank account has been closed.';
    await credit(tx, owner.account, payout.currency, payout.amount);
  }
  tx.put(payout);
  emitForAccount(tx, owner.account, `payout.${outcome}`, payout, changedAttributes(before, payout));
  return payout;
}
