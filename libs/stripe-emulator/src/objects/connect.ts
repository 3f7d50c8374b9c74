/** Stripe Connect objects as the emulator keeps them (API version 2026-10-28.endive): accounts, transfers, fees, payouts. */
import type { EmulatorObject } from '../store.js';
import type { Metadata } from './common.js';

export type PayoutInterval = 'manual' | 'daily' | 'weekly' | 'monthly';

export interface AccountObject extends EmulatorObject {
  object: 'account';
  type: 'express';
  email: string | null;
  country: string;
  default_currency: string;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  details_submitted: boolean;
  capabilities: { card_payments: 'active' | 'inactive'; transfers: 'active' | 'inactive' };
  requirements: { currently_due: string[]; disabled_reason: string | null };
  settings: { payouts: { schedule: { interval: PayoutInterval; delay_days: number } } };
  metadata: Metadata;
  created: number;
}

export interface AccountLinkObject extends EmulatorObject {
  object: 'account_link';
  created: number;
  expires_at: number;
  url: string;
}

/** What an account link remembers for its sandbox page; not part of Stripe's API. */
export interface AccountLinkDetails extends EmulatorObject {
  object: 'emulator.account_link';
  account: string;
  return_url: string;
  refresh_url: string;
  expires_at: number;
  created: number;
}

/** A connected account's balance, per currency (Stripe's `balance` with the Stripe-Account header). */
export interface ConnectBalance extends EmulatorObject {
  object: 'emulator.connect_balance';
  account: string;
  available: Record<string, number>;
}

export interface TransferObject extends EmulatorObject {
  object: 'transfer';
  amount: number;
  amount_reversed: number;
  currency: string;
  destination: string;
  source_transaction: string | null;
  reversed: boolean;
  metadata: Metadata;
  created: number;
}

export interface TransferReversalObject extends EmulatorObject {
  object: 'transfer_reversal';
  amount: number;
  currency: string;
  transfer: string;
  source_refund: string | null;
  metadata: Metadata;
  created: number;
}

export interface ApplicationFeeObject extends EmulatorObject {
  object: 'application_fee';
  account: string;
  amount: number;
  amount_refunded: number;
  currency: string;
  charge: string;
  refunded: boolean;
  created: number;
}

export type PayoutStatus = 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';

export interface PayoutObject extends EmulatorObject {
  object: 'payout';
  amount: number;
  currency: string;
  status: PayoutStatus;
  arrival_date: number;
  automatic: boolean;
  failure_code: string | null;
  failure_message: string | null;
  destination: string;
  metadata: Metadata;
  created: number;
}

export function buildAccount(fields: {
  id: string;
  now: number;
  email: string | null;
  country: string;
  metadata: Metadata;
}): AccountObject {
  return {
    id: fields.id,
    object: 'account',
    type: 'express',
    business_profile: { mcc: null, name: null, product_description: null, support_email: null, url: null },
    business_type: null,
    capabilities: { card_payments: 'inactive', transfers: 'inactive' },
    charges_enabled: false,
    controller: { type: 'application', is_controller: true },
    country: fields.country,
    created: fields.now,
    default_currency: 'usd',
    details_submitted: false,
    email: fields.email,
    external_accounts: {
      object: 'list',
      data: [],
      has_more: false,
      url: `/v1/accounts/${fields.id}/external_accounts`,
    },
    future_requirements: { currently_due: [], disabled_reason: null },
    metadata: fields.metadata,
    payouts_enabled: false,
    requirements: {
      currently_due: ['external_account', 'individual.verification.document', 'tos_acceptance.date'],
      disabled_reason: 'requirements.past_due',
    },
    settings: { payouts: { schedule: { interval: 'daily', delay_days: 2 } } },
    tos_acceptance: { date: null },
  };
}

export function buildTransfer(fields: {
  id: string;
  now: number;
  amount: number;
  currency: string;
  destination: string;
  sourceTransaction: string | null;
  metadata: Metadata;
}): TransferObject {
  return {
    id: fields.id,
    object: 'transfer',
    amount: fields.amount,
    amount_reversed: 0,
    balance_transaction: null,
    created: fields.now,
    currency: fields.currency,
    description: null,
    destination: fields.destination,
    destination_payment: null,
    livemode: false,
    metadata: fields.metadata,
    reversals: { object: 'list', data: [], has_more: false, url: `/v1/transfers/${fields.id}/reversals` },
    reversed: false,
    source_transaction: fields.sourceTransaction,
    source_type: 'card',
    transfer_group: null,
  };
}

export function buildTransferReversal(fields: {
  id: string;
  now: number;
  transfer: TransferObject;
  amount: number;
  sourceRefund: string | null;
  metadata: Metadata;
}): TransferReversalObject {
  return {
    id: fields.id,
    object: 'transfer_reversal',
    amount: fields.amount,
    balance_transaction: null,
    created: fields.now,
    currency: fields.transfer.currency,
    destination_payment_refund: null,
    metadata: fields.metadata,
    source_refund: fields.sourceRefund,
    transfer: fields.transfer.id,
  };
}

export function buildApplicationFee(fields: {
  id: string;
  now: number;
  account: string;
  amount: number;
  currency: string;
  charge: string;
}): ApplicationFeeObject {
  return {
    id: fields.id,
    object: 'application_fee',
    account: fields.account,
    amount: fields.amount,
    amount_refunded: 0,
    application: 'ca_emulator',
    balance_transaction: null,
    charge: fields.charge,
    created: fields.now,
    currency: fields.currency,
    livemode: false,
    originating_transaction: fields.charge,
    refunded: false,
    refunds: { object: 'list', data: [], has_more: false, url: `/v1/application_fees/${fields.id}/refunds` },
  };
}

export function buildPayout(fields: {
  id: string;
  now: number;
  amount: number;
  currency: string;
  automatic: boolean;
  metadata: Metadata;
}): PayoutObject {
  return {
    id: fields.id,
    object: 'payout',
    amount: fields.amount,
    arrival_date: fields.now + 2 * 86_400,
    automatic: fields.automatic,
    balance_transaction: null,
    created: fields.now,
    currency: fields.currency,
    description: null,
    destination: 'ba_emulator_bank',
    failure_balance_transaction: null,
    failure_code: null,
    failure_message: null,
    livemode: false,
    metadata: fields.metadata,
    method: 'standard',
    source_type: 'card',
    statement_descriptor: null,
    status: 'pending',
    type: 'bank_account',
  };
}
