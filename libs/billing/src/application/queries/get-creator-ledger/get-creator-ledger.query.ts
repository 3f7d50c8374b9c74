import { Query } from '@nestjs/cqrs';
import type { LedgerTotals } from '../../../domain/tips/tips.js';

export interface CreatorLedgerView {
  from: string;
  to: string;
  /** The period's totals per currency. */
  totals: LedgerTotals[];
  /** All time, per currency: what is owed and not yet paid out. */
  balances: Array<{ currency: string; amount: number }>;
  payoutsHeld: boolean;
  holdReasons: string[];
  /** Informative, not paid out: what subscribers who came through the creator's content paid in the period. */
  subscriptionRevenue: Array<{ currency: string; subscriptions: number; amount: number }>;
  entries: Array<{
    kind: 'tip' | 'reversal' | 'ad_share' | 'reinstatement';
    tipId: string | null;
    gross: number;
    commission: number;
    net: number;
    currency: string;
    occurredAt: string;
    /** An ad share's transfer to the payout account (null while awaiting one, and for tips and reversals). */
    transferId: string | null;
  }>;
  payouts: Array<{
    payoutId: string;
    amount: number;
    currency: string;
    status: string;
    arrivalDate: string | null;
    failureCode: string | null;
    createdAt: string;
  }>;
}

export class GetCreatorLedgerQuery extends Query<CreatorLedgerView> {
  constructor(
    readonly creatorId: string,
    readonly from: string | undefined,
    readonly to: string | undefined,
  ) {
    super();
  }
}
