import type { CreatorPayout, LedgerEntry, PayoutAccount, PayoutHold, PayoutHoldReason, Tip } from './tips.js';

export abstract class PayoutAccountRepository {
  abstract ofCreator(creatorId: string): Promise<PayoutAccount | null>;
  abstract byProviderAccount(providerAccountId: string): Promise<PayoutAccount | null>;
  /** Inserts or updates by creator. */
  abstract save(account: PayoutAccount): Promise<void>;
}

export abstract class TipRepository {
  abstract add(tip: Tip): Promise<void>;
  /** The tip, its row locked until the transaction ends. */
  abstract byIdForUpdate(id: string): Promise<Tip | null>;
  abstract idOfPaymentIntent(paymentIntentId: string): Promise<string | null>;
  abstract save(tip: Tip): Promise<void>;
}

export abstract class CreatorLedger {
  /** Records the entry unless one with its source key exists; true when recorded. */
  abstract record(entry: LedgerEntry): Promise<boolean>;
  abstract entriesOf(creatorId: string, range?: { from: Date; to: Date }): Promise<LedgerEntry[]>;
  /** The creator's oldest ad share not yet transferred, its row locked (others' locked rows skipped). */
  abstract nextAdShareAwaitingTransfer(creatorId: string): Promise<LedgerEntry | null>;
  abstract markTransferred(entryId: string, transferId: string): Promise<void>;
  /** Creators with an active payout account and an ad share not yet transferred. */
  abstract creatorsAwaitingAdShareTransfer(limit: number): Promise<string[]>;
  /** Inserts or updates the payout by its provider id. */
  abstract savePayout(payout: CreatorPayout): Promise<void>;
  abstract payoutsOf(creatorId: string, range?: { from: Date; to: Date }): Promise<CreatorPayout[]>;
  /**
   * What subscribers who came through the creator paid in the range (net of refunds, without payments under an
   * open or lost dispute), per currency: payments of subscriptions whose checkout attribution names the creator
   * (`creatorId`) or one of their channels (`channelId`).
   */
  abstract attributedSubscriptionRevenue(
    creatorId: string,
    channelIds: string[],
    range: { from: Date; to: Date },
  ): Promise<AttributedSubscriptionRevenue[]>;
}

export interface AttributedSubscriptionRevenue {
  currency: string;
  /** Distinct subscriptions with a payment in the range. */
  subscriptions: number;
  amount: number;
}

export abstract class PayoutHoldRepository {
  /** True when the hold is new. */
  abstract place(hold: PayoutHold): Promise<boolean>;
  /** True when a hold was removed. */
  abstract release(creatorId: string, reason: PayoutHoldReason, sourceId: string): Promise<boolean>;
  abstract of(creatorId: string): Promise<PayoutHold[]>;
}
