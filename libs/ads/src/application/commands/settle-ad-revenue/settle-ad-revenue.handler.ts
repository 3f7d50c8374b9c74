import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { DeliveryLedger } from '../../ads-ports.js';
import { SettleAdRevenueCommand, type SettlementView } from './settle-ad-revenue.command.js';

/**
 * Groups unsettled impressions per creator and currency into settlements; each one's event
 * (`ads.revenue-shared.v1`) leaves through the outbox in the same transaction as the rows it settles.
 */
@CommandHandler(SettleAdRevenueCommand)
export class SettleAdRevenueHandler implements ICommandHandler<SettleAdRevenueCommand, SettlementView[]> {
  constructor(
    private readonly ledger: DeliveryLedger,
    private readonly config: AppConfig,
  ) {}

  async execute(): Promise<SettlementView[]> {
    const settlements = await this.ledger.settle(this.config.ads.creatorRevenueShare, new Date());
    return settlements.map((s) => ({
      settlementId: s.id,
      creatorId: s.creatorId,
      currency: s.currency,
      impressions: s.impressions,
      grossAmount: s.grossAmount,
      shareAmount: s.shareAmount,
    }));
  }
}
