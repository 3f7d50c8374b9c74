import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { assertRefundable } from '../../../domain/gifts/gift.js';
import { GiftNotFoundError } from '../../../domain/gifts/gift.errors.js';
import { GiftRepository } from '../../../domain/gifts/gift.repository.js';
import { GiftProvider } from '../../gift-provider.js';
import { GiftFactApplier } from '../../gifts/gift-fact-applier.js';
import { giftView } from '../../gifts/gift-views.js';
import { RefundGiftCommand } from './refund-gift.command.js';

/**
 * The buyer takes back a gift nobody redeemed: the gift is marked `refund_pending` first (a redeem racing it now
 * fails), then the provider refunds (idempotency key per gift, so a retried request refunds once), then the gift
 * converges on the payment's refunded state and the `gifts` revenue is journaled back.
 */
@CommandHandler(RefundGiftCommand)
export class RefundGiftHandler implements ICommandHandler<RefundGiftCommand> {
  constructor(
    private readonly gifts: GiftRepository,
    private readonly provider: GiftProvider,
    private readonly applier: GiftFactApplier,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ buyerId, giftId }: RefundGiftCommand) {
    const gift = await this.unitOfWork.transactional(async () => {
      const found = await this.gifts.byIdForUpdate(giftId);
      // Another person's gift is as unknown as a missing one.
      if (!found || found.buyerId !== buyerId) throw new GiftNotFoundError();
      assertRefundable(found);
      if (found.status === 'paid') await this.gifts.save({ ...found, status: 'refund_pending' });
      return found;
    });
    await this.provider.refundGiftPayment(gift.paymentIntentId!, `gift-refund:${gift.id}`);
    return this.unitOfWork.transactional(async () => {
      const locked = (await this.gifts.byIdForUpdate(giftId))!;
      await this.applier.sync(locked, locked.paymentIntentId!);
      return giftView((await this.gifts.byIdForUpdate(giftId))!, this.config.urls.app);
    });
  }
}
