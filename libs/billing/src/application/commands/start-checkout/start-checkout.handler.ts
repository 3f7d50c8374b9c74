import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { newId } from '@lib/platform/ddd';
import { CheckoutSession } from '../../../domain/checkout/checkout-session.js';
import { assertReturnUrl } from '../../../domain/checkout/return-url.js';
import { CheckoutSessionRepository } from '../../../domain/checkout/checkout-session.repository.js';
import { PlanRepository } from '../../../domain/plan/plan.repository.js';
import { PlanNotFoundError, PlanNotSyncedError } from '../../../domain/plan/plan.errors.js';
import { SubscriptionAlreadyActiveError } from '../../../domain/subscription/subscription.errors.js';
import { SubscriptionRepository } from '../../../domain/subscription/subscription.repository.js';
import { CustomerAccounts } from '../../customer-accounts.js';
import { PaymentProvider } from '../../payment-provider.js';
import { StartCheckoutCommand } from './start-checkout.command.js';
import { UnitOfWork } from '@lib/platform';
import type { Offer } from '../../../domain/offer/offer.js';
import { OfferNotFoundError, OfferTrialAlreadyUsedError } from '../../../domain/offer/offer.errors.js';
import { OfferRepository } from '../../../domain/offer/offer.repository.js';

@CommandHandler(StartCheckoutCommand)
export class StartCheckoutHandler implements ICommandHandler<StartCheckoutCommand> {
  constructor(
    private readonly plans: PlanRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly checkouts: CheckoutSessionRepository,
    private readonly customers: CustomerAccounts,
    private readonly provider: PaymentProvider,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
    private readonly offers: OfferRepository,
  ) {}

  async execute({ userId, planId, interval, attribution, returnTo, offerCode }: StartCheckoutCommand) {
    const origins = this.config.urls.returnOrigins;
    const successUrl = returnTo.successUrl
      ? assertReturnUrl('successUrl', returnTo.successUrl, origins)
      : `${this.config.urls.app}/billing/success?session_id={CHECKOUT_SESSION_ID}`;
    const cancelUrl = returnTo.cancelUrl
      ? assertReturnUrl('cancelUrl', returnTo.cancelUrl, origins)
      : `${this.config.urls.app}/billing/canceled`;
    const plan = await this.plans.byId(planId);
    if (!plan) throw new PlanNotFoundError(planId);
    plan.priceForSale(interval);
    const price = await this.plans.activePrice(planId, interval);
    if (!price) throw new PlanNotSyncedError(planId);
    const live = (await this.subscriptions.liveOf(userId)).find((subscription) => subscription.hasPaidAccessStatus);
    if (live) throw new SubscriptionAlreadyActiveError(live.planId);
    const hadSubscription = (await this.subscriptions.currentOf(userId)) !== null;
    const offer = offerCode ? await this.redeemableOffer(offerCode, planId, hadSubscription) : null;

    const providerCustomerId = await this.customers.ensure(userId);
    const metadata = {
      userId,
      planId,
      interval,
      ...(offer ? { offerId: offer.id } : {}),
      ...Object.fromEntries(Object.entries(attribution).map(([key, value]) => [`attr_${key}`, value])),
    };
    const session = await this.provider.createCheckoutSession(
      {
        providerCustomerId,
        userId,
        providerPriceId: price.providerPriceId,
        // One trial per customer; a trial offer replaces the plan's trial.
        trialDays: hadSubscription ? 0 : (offer?.trialDays ?? plan.trialDays),
        metadata,
        successUrl,
        cancelUrl,
        providerPromotionCodeId: offer?.providerPromotionCodeId ?? null,
      },
      `checkout:${newId()}`,
    );
    await this.unitOfWork.transactional(async () => {
      this.checkouts.add(new CheckoutSession(session.sessionId, userId, planId, interval, attribution));
    });
    return { checkoutUrl: session.url, sessionId: session.sessionId };
  }

  /** The offer behind a code, refused when unknown, archived, out of its dates, used up or for another plan. */
  private async redeemableOffer(code: string, planId: string, hadSubscription: boolean): Promise<Offer> {
    const offer = await this.offers.byCode(code);
    if (!offer) throw new OfferNotFoundError(code);
    offer.assertRedeemable(planId);
    if (offer.kind === 'trial' && hadSubscription) throw new OfferTrialAlreadyUsedError(offer.code);
    return offer;
  }
}
