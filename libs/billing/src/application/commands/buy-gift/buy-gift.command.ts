import { Command } from '@nestjs/cqrs';
import type { GiftPeriod } from '../../../domain/gifts/gift.js';

export interface BuyGiftResult {
  giftId: string;
  checkoutUrl: string;
  planId: string;
  period: GiftPeriod;
  amount: number;
  currency: string;
}

export class BuyGiftCommand extends Command<BuyGiftResult> {
  constructor(
    readonly buyerId: string,
    readonly planId: string,
    readonly period: GiftPeriod,
    readonly recipientEmail: string | null,
    readonly message: string | null,
    readonly returnTo: { successUrl?: string; cancelUrl?: string } = {},
  ) {
    super();
  }
}
