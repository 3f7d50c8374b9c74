import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import {
  creatorShareMove,
  payoutAccountStatus,
  statusOf,
  type ProviderTipPayment,
  type Tip,
} from '../../domain/tips/tips.js';
import { CreatorLedger, PayoutAccountRepository, TipRepository } from '../../domain/tips/tips.repository.js';
import { RevenueJournal } from '../../domain/revenue/revenue-journal.js';
import { ConnectProvider, type ConnectFact } from '../connect-provider.js';
import { AdShareTransfers } from './ad-share-transfers.js';
import { PayoutHolds } from './payout-holds.js';

/**
 * Applies Connect events (tips, accounts, payouts). Every fact makes us read the object's current state from the
 * provider and converge on it, so duplicated and out-of-order deliveries end in Stripe's state; ledger lines are
 * unique per effect. Returns null when the event is not about a tip of ours (it goes to the subscription pipeline).
 */
@Injectable()
export class ConnectFactApplier {
  constructor(
    private readonly provider: ConnectProvider,
    private readonly accounts: PayoutAccountRepository,
    private readonly tips: TipRepository,
    private readonly ledger: CreatorLedger,
    private readonly holds: PayoutHolds,
    private readonly journal: RevenueJournal,
    private readonly adShares: AdShareTransfers,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async apply(fact: ConnectFact): Promise<string | null> {
    switch (fact.kind) {
      case 'account':
        return this.syncAccount(fact.providerAccountId);
      case 'payout':
        return this.syncPayout(fact.providerPayoutId, fact.providerAccountId);
      case 'tip-checkout': {
        const tip = await this.tips.byIdForUpdate(fact.tipId);
        if (!tip) return 'tip-unknown';
        if (fact.expired) {
          if (tip.status !== 'pending') return 'tip-already-settled';
          tip.status = 'expired';
          await this.tips.save(tip);
          return 'tip-expired';
        }
        return fact.paymentIntentId ? this.syncTip(tip, fact.paymentIntentId) : 'tip-unpaid';
      }
      case 'tip-payment': {
        const tipId = fact.tipId ?? (await this.tips.idOfPaymentIntent(fact.paymentIntentId));
        if (!tipId) return null;
        const tip = await this.tips.byIdForUpdate(tipId);
        if (!tip) return fact.tipId ? 'tip-unknown' : null;
        return this.syncTip(tip, fact.paymentIntentId);
      }
    }
  }

  private async syncAccount(providerAccountId: string): Promise<string> {
    const account = await this.accounts.byProviderAccount(providerAccountId);
    if (!account) return 'payout-account-unknown';
    const state = await this.provider.retrieveAccount(providerAccountId);
    await this.accounts.save({
      ...account,
      status: payoutAccountStatus(state),
      chargesEnabled: state.chargesEnabled,
      payoutsEnabled: state.payoutsEnabled,
      detailsSubmitted: state.detailsSubmitted,
      updatedAt: new Date(),
    });
    await this.holds.align(account.creatorId);
    const status = payoutAccountStatus(state);
    // Ad shares settled before the creator could be paid move to the account once it can receive transfers.
    if (status === 'active')
      this.unitOfWork.afterCommit(() => this.adShares.payOutstanding(account.creatorId).then(() => undefined));
    return `payout-account-${status}`;
  }

  private async syncPayout(providerPayoutId: string, providerAccountId: string): Promise<string> {
    const account = await this.accounts.byProviderAccount(providerAccountId);
    if (!account) return 'payout-account-unknown';
    const payout = await this.provider.retrievePayout(providerPayoutId);
    await this.ledger.savePayout({ ...payout, creatorId: account.creatorId });
    return `payout-${payout.status}`;
  }

  private async syncTip(tip: Tip, paymentIntentId: string): Promise<string> {
    const payment = await this.provider.retrieveTipPayment(paymentIntentId);
    if (payment.tipId && payment.tipId !== tip.id) throw new Error(`payment ${paymentIntentId} belongs to another tip`);
    tip.paymentIntentId = payment.paymentIntentId;
    if (!payment.succeeded) {
      await this.tips.save(tip);
      return 'tip-pending';
    }
    tip.transferId = payment.transferId;
    tip.paidAt ??= new Date();
    await this.ledger.record({
      id: newId(),
      creatorId: tip.creatorId,
      kind: 'tip',
      sourceKey: `tip:${tip.id}`,
      tipId: tip.id,
      gross: payment.amount,
      commission: payment.fee,
      net: payment.amount - payment.fee,
      currency: payment.currency,
      occurredAt: tip.paidAt,
    });
    await this.journalTip(tip, `tip:${tip.id}`, payment.amount, payment.fee, payment.currency, tip.paidAt);
    await this.reverseCreatorShare(tip, payment);
    tip.status = statusOf(payment);
    await this.tips.save(tip);
    return `tip-${tip.status}`;
  }

  /**
   * A refund or dispute takes the creator's share back (a ledger line, and the transfer reversed at Stripe); a won
   * dispute gives it back (a `reinstatement` line, and a new transfer of that share to the creator's account).
   */
  private async reverseCreatorShare(tip: Tip, payment: ProviderTipPayment): Promise<void> {
    const move = creatorShareMove(tip.id, tip.creatorReversed, payment);
    if (!move) return;
    const net = payment.amount - payment.fee;
    const gross = Math.round((move.delta * payment.amount) / net);
    const occurredAt = new Date();
    await this.ledger.record({
      id: newId(),
      creatorId: tip.creatorId,
      kind: move.delta > 0 ? 'reversal' : 'reinstatement',
      sourceKey: move.sourceKey,
      tipId: tip.id,
      gross: -gross,
      commission: -(gross - move.delta),
      net: -move.delta,
      currency: payment.currency,
      occurredAt,
    });
    await this.journalTip(tip, move.sourceKey, -gross, -(gross - move.delta), payment.currency, occurredAt);
    if (move.delta < 0) await this.reinstateTransfer(tip, payment, move.target, -move.delta);
    else if (payment.transferId) {
      // A refund made with reverse_transfer has already taken some back: reverse only what is missing.
      const reversed = await this.provider.transferReversed(payment.transferId);
      if (move.target > reversed)
        await this.provider.reverseTransfer(
          payment.transferId,
          move.target - reversed,
          `tip-reversal:${tip.id}:${move.target}`,
        );
    }
    tip.creatorReversed = move.target;
  }

  /**
   * A reversed transfer cannot be undone at Stripe: the share a won dispute returns to the platform goes to the
   * creator's account as a new transfer (once, by key).
   */
  private async reinstateTransfer(tip: Tip, payment: ProviderTipPayment, target: number, amount: number) {
    if (!payment.transferId) return;
    const account = await this.accounts.ofCreator(tip.creatorId);
    if (!account) throw new Error(`tip ${tip.id}: the creator has no payout account to give the share back to`);
    await this.provider.createTransfer(
      {
        providerAccountId: account.providerAccountId,
        amount,
        currency: payment.currency,
        metadata: { kind: 'tip-reinstatement', tipId: tip.id },
      },
      `tip-reinstatement:${tip.id}:${target}`,
    );
  }

  /** The platform's view of a tip line: gross volume in `tips`, its own share in `commission`. */
  private async journalTip(
    tip: Tip,
    sourceKey: string,
    gross: number,
    commission: number,
    currency: string,
    occurredAt: Date,
  ): Promise<void> {
    const common = { currency, creatorId: tip.creatorId, occurredAt };
    await this.journal.record({ id: newId(), stream: 'tips', sourceKey, amount: gross, ...common });
    await this.journal.record({
      id: newId(),
      stream: 'commission',
      sourceKey: `${sourceKey}:commission`,
      amount: commission,
      ...common,
    });
  }
}
