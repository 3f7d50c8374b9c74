import { Command } from '@nestjs/cqrs';

export interface RedeemGiftResult {
  giftId: string;
  planId: string;
  period: string;
  accessUntil: string;
  /** The plan in force for the redeemer now. */
  planInForce: string;
}

export class RedeemGiftCommand extends Command<RedeemGiftResult> {
  constructor(
    readonly userId: string,
    readonly code: string,
  ) {
    super();
  }
}
