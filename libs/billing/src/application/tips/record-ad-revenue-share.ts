import { Injectable } from '@nestjs/common';
import { AdRevenueSharedV1 } from '@lib/ads/contracts';
import { IntegrationEventConsumer, newId, UnitOfWork, type ConsumerContext, type EventConsumer } from '@lib/platform';
import { RevenueJournal } from '../../domain/revenue/revenue-journal.js';
import { CreatorLedger } from '../../domain/tips/tips.repository.js';
import { AdShareTransfers } from './ad-share-transfers.js';

/**
 * Ads' settlements: the gross into the revenue journal (stream `ads`), the creator's share into their
 * ledger (`ad_share`). Both keyed by the settlement, so a redelivery records nothing twice. Once committed, the
 * share is transferred to the creator's payout account (or waits for one: `AdShareTransfers`).
 */
@Injectable()
@IntegrationEventConsumer({ name: 'billing.record-ad-revenue', on: [AdRevenueSharedV1] })
export class RecordAdRevenueShare implements EventConsumer<AdRevenueSharedV1> {
  constructor(
    private readonly journal: RevenueJournal,
    private readonly ledger: CreatorLedger,
    private readonly transfers: AdShareTransfers,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async handle({ event }: ConsumerContext<AdRevenueSharedV1>): Promise<void> {
    const occurredAt = new Date(event.settledAt);
    const sourceKey = `ads:settlement:${event.settlementId}`;
    await this.journal.record({
      id: newId(),
      stream: 'ads',
      sourceKey,
      amount: event.grossAmount,
      currency: event.currency,
      creatorId: event.creatorId ?? null,
      occurredAt,
    });
    if (!event.creatorId || event.shareAmount <= 0) return;
    const creatorId = event.creatorId;
    const recorded = await this.ledger.record({
      id: newId(),
      creatorId,
      kind: 'ad_share',
      sourceKey,
      tipId: null,
      gross: event.grossAmount,
      commission: event.grossAmount - event.shareAmount,
      net: event.shareAmount,
      currency: event.currency,
      occurredAt,
      transferId: null,
    });
    // A failed transfer is logged after commit and retried by billing's maintenance sweep.
    if (recorded) this.unitOfWork.afterCommit(() => this.transfers.payOutstanding(creatorId).then(() => undefined));
  }
}
