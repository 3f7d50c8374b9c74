import { Command } from '@nestjs/cqrs';
import type { GiftView } from '../../gifts/gift-views.js';

export class RefundGiftCommand extends Command<GiftView> {
  constructor(
    readonly buyerId: string,
    readonly giftId: string,
  ) {
    super();
  }
}
