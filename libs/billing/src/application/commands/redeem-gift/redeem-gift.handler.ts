import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/platform';
import { assertRedeemable, redeem } from '../../../domain/gifts/gift.js';
import { GiftNotFoundError, GiftPlanAlreadyActiveError } from '../../../domain/gifts/gift.errors.js';
import { GiftRepository } from '../../../domain/gifts/gift.repository.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { EntitlementRefresher } from '../../entitlements/entitlement-refresher.js';
import { RedeemGiftCommand } from './redeem-gift.command.js';

/**
 * Redeems a gift once: under the gift's row lock (two racing redeems: the second sees it redeemed) and the
 * redeemer's lock (two gifts of one plan cannot both pass the stacking check); the grant is recomputed in the same
 * transaction, so the plan is in force when the answer arrives. No Stripe subscription is created.
 */
@CommandHandler(RedeemGiftCommand)
export class RedeemGiftHandler implements ICommandHandler<RedeemGiftCommand> {
  constructor(
    private readonly gifts: GiftRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly refresher: EntitlementRefresher,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute({ userId, code }: RedeemGiftCommand) {
    return this.unitOfWork.transactional(async () => {
      const now = new Date();
      await this.gifts.lockRedeemer(userId);
      const gift = await this.gifts.byCodeForUpdate(code);
      if (!gift) throw new GiftNotFoundError();
      assertRedeemable(gift, now);
      const live = await this.subscriptions.liveOf(userId);
      if (live.some((subscription) => subscription.planId === gift.planId && subscription.hasPaidAccessStatus))
        throw new GiftPlanAlreadyActiveError(gift.planId, 'subscription');
      if ((await this.gifts.grantsOf(userId, now)).some((grant) => grant.planId === gift.planId))
        throw new GiftPlanAlreadyActiveError(gift.planId, 'gift');
      const redeemed = redeem(gift, userId, now);
      await this.gifts.save(redeemed);
      const grant = await this.refresher.refresh(userId, now);
      return {
        giftId: gift.id,
        planId: gift.planId,
        period: gift.period,
        accessUntil: redeemed.grantEndsAt!.toISOString(),
        planInForce: grant.planAt(now),
      };
    });
  }
}
