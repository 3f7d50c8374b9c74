import { randomBytes } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@config';
import { UnitOfWork } from '@lib/platform';
import { newId } from '@lib/platform/ddd';
import { ContentScreening } from '@lib/trust-safety/contracts';
import { assertReturnUrl } from '../../../domain/checkout/return-url.js';
import { GiftMessageNotAllowedError, GiftPlanNotGiftableError } from '../../../domain/gifts/gift.errors.js';
import { GiftRepository } from '../../../domain/gifts/gift.repository.js';
import { PlanNotForSaleError } from '../../../domain/plan/plan.errors.js';
import { GiftProvider } from '../../gift-provider.js';
import { PlanCatalogue } from '../../plan-catalogue.js';
import { BuyGiftCommand } from './buy-gift.command.js';

// Crockford's base32 without I, L, O, U: a code read aloud or typed is not misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as XXXX-XXXX-XXXX-XXXX: the code is the secret of the redemption link. */
export function newGiftCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((byte) => ALPHABET[byte % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * A signed-in person buys a month or a year of a plan for someone: a one-off payment-mode Checkout at the plan's
 * price for that interval. The gift is recorded pending; its webhooks settle it (docs/adr/0055).
 */
@CommandHandler(BuyGiftCommand)
export class BuyGiftHandler implements ICommandHandler<BuyGiftCommand> {
  constructor(
    private readonly gifts: GiftRepository,
    private readonly provider: GiftProvider,
    private readonly catalogue: PlanCatalogue,
    private readonly screening: ContentScreening,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async execute({ buyerId, planId, period, recipientEmail, message, returnTo }: BuyGiftCommand) {
    const plan = await this.catalogue.get(planId);
    let price;
    try {
      price = plan.priceForSale(period);
    } catch (error) {
      if (error instanceof PlanNotForSaleError) throw new GiftPlanNotGiftableError(planId, period);
      throw error;
    }
    const origins = this.config.urls.returnOrigins;
    const successUrl = returnTo.successUrl
      ? assertReturnUrl('successUrl', returnTo.successUrl, origins)
      : `${this.config.urls.app}/gifts/thanks?session_id={CHECKOUT_SESSION_ID}`;
    const cancelUrl = returnTo.cancelUrl
      ? assertReturnUrl('cancelUrl', returnTo.cancelUrl, origins)
      : `${this.config.urls.app}/gifts/canceled`;
    const text = message?.trim() || null;
    if (text) {
      // Throws ContentRefusedError on refuse; a message that would need review is not sent at all.
      const verdict = await this.screening.screen({ surface: 'message', authorId: buyerId, text });
      if (verdict.action !== 'allow' && verdict.action !== 'flag') throw new GiftMessageNotAllowedError(verdict.rule);
    }

    const giftId = newId();
    const session = await this.provider.createGiftCheckout(
      {
        giftId,
        buyerId,
        planId,
        description: `Gift: one ${period} of ${plan.name}`,
        amount: price.amount,
        currency: price.currency,
        successUrl,
        cancelUrl,
      },
      `gift:${giftId}`,
    );
    await this.unitOfWork.transactional(() =>
      this.gifts.add({
        id: giftId,
        code: newGiftCode(),
        buyerId,
        planId,
        period,
        amount: price.amount,
        currency: price.currency,
        recipientEmail: recipientEmail?.trim().toLowerCase() || null,
        message: text,
        status: 'pending',
        checkoutSessionId: session.sessionId,
        paymentIntentId: null,
        refundedAmount: 0,
        paidAt: null,
        redeemedBy: null,
        redeemedAt: null,
        grantEndsAt: null,
        createdAt: new Date(),
      }),
    );
    return { giftId, checkoutUrl: session.url, planId, period, amount: price.amount, currency: price.currency };
  }
}
