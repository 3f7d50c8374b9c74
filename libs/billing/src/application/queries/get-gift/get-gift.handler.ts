import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { redeemableUntil } from '../../../domain/gifts/gift.js';
import { GiftNotFoundError } from '../../../domain/gifts/gift.errors.js';
import { GiftRepository } from '../../../domain/gifts/gift.repository.js';
import { CustomerRepository } from '../../../domain/customer/customer.repository.js';
import { PlanCatalogue } from '../../plan-catalogue.js';
import type { GiftPreview } from '../../gifts/gift-views.js';
import { GetGiftQuery } from './get-gift.query.js';

/** The public preview of a gift code: plan, period, the buyer's display name; never an e-mail address. */
@QueryHandler(GetGiftQuery)
export class GetGiftHandler implements IQueryHandler<GetGiftQuery> {
  constructor(
    private readonly gifts: GiftRepository,
    private readonly customers: CustomerRepository,
    private readonly catalogue: PlanCatalogue,
  ) {}

  async execute({ code }: GetGiftQuery): Promise<GiftPreview> {
    const gift = await this.gifts.byCode(code);
    // A code is handed out only once paid: an unpaid one is as unknown as a wrong one.
    if (!gift || gift.status === 'pending' || gift.status === 'expired') throw new GiftNotFoundError();
    const until = redeemableUntil(gift);
    const status =
      gift.status === 'redeemed' || gift.status === 'disputed'
        ? gift.status
        : gift.status === 'paid'
          ? until && until > new Date()
            ? 'redeemable'
            : 'expired'
          : 'refunded';
    return {
      planId: gift.planId,
      planName: (await this.catalogue.get(gift.planId)).name,
      period: gift.period,
      from: (await this.customers.accountOf(gift.buyerId))?.displayName ?? 'Someone',
      message: gift.message,
      status,
      redeemableUntil: status === 'redeemable' ? until!.toISOString() : null,
    };
  }
}
