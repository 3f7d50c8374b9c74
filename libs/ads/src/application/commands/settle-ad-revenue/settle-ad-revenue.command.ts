import { Command } from '@nestjs/cqrs';

export interface SettlementView {
  settlementId: string;
  creatorId: string | null;
  currency: string;
  impressions: number;
  grossAmount: number;
  shareAmount: number;
}

/** Settles every unsettled impression on creators' videos (the periodic job, or an admin). */
export class SettleAdRevenueCommand extends Command<SettlementView[]> {}
