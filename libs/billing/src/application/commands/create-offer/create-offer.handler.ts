import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { AuditLog } from '@lib/trust-safety/contracts';
import { Offer } from '../../../domain/offer/offer.js';
import { OfferCodeTakenError } from '../../../domain/offer/offer.errors.js';
import { OfferRepository } from '../../../domain/offer/offer.repository.js';
import { FREE_PLAN_ID } from '../../../domain/plan/default-catalogue.js';
import { PlanNotSyncedError } from '../../../domain/plan/plan.errors.js';
import { PlanRepository } from '../../../domain/plan/plan.repository.js';
import { toOfferView } from '../../offer-views.js';
import { PaymentProvider } from '../../payment-provider.js';
import { CreateOfferCommand } from './create-offer.command.js';

/**
 * Creates an offer. A discount offer gets its provider coupon (limited to the plans' products, ending with the
 * offer, as many redemptions) and promotion code first — idempotent per offer id — so a stored offer is always
 * usable; an extended trial needs nothing at the provider (the checkout asks for the longer trial).
 */
@CommandHandler(CreateOfferCommand)
export class CreateOfferHandler implements ICommandHandler<CreateOfferCommand> {
  constructor(
    private readonly offers: OfferRepository,
    private readonly plans: PlanRepository,
    private readonly provider: PaymentProvider,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  async execute({ actorId, input }: CreateOfferCommand) {
    const plans = await this.plans.all();
    const offer = Offer.create(
      input,
      plans.map((plan) => plan.id).filter((id) => id !== FREE_PLAN_ID),
    );
    if (await this.offers.byCode(offer.code)) throw new OfferCodeTakenError(offer.code);
    if (offer.kind !== 'trial') {
      const productIds = offer.planIds.map((planId) => {
        const plan = plans.find((candidate) => candidate.id === planId)!;
        if (!plan.providerProductId) throw new PlanNotSyncedError(planId);
        return plan.providerProductId;
      });
      const { couponId, promotionCodeId } = await this.provider.createOfferDiscount({
        offerId: offer.id,
        code: offer.code,
        name: offer.name,
        percentOff: offer.percentOff,
        amountOff: offer.amountOff,
        currency: offer.currency,
        duration: offer.duration!,
        durationInMonths: offer.durationInMonths,
        productIds,
        redeemBy: offer.validUntil,
        maxRedemptions: offer.maxRedemptions,
      });
      offer.linkProvider(couponId, promotionCodeId);
    }
    await this.unitOfWork.transactional(async () => {
      if (!(await this.offers.insert(offer))) throw new OfferCodeTakenError(offer.code);
      await this.audit.record({
        actorId,
        action: 'billing.offer.created',
        target: { type: 'offer', id: offer.id },
        data: { code: offer.code, kind: offer.kind },
      });
    });
    return toOfferView(offer, this.config.urls.app);
  }
}
