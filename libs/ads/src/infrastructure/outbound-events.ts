import { OutboundEventMap } from '@lib/platform';
import { AdRevenueSharedV1 } from '../contracts/index.js';
import { AdRevenueSettled, type AdRevenueSettlement } from '../domain/index.js';

/** Which ads facts leave the context, and in what shape. */
export const adsOutboundEvents = new OutboundEventMap().on(AdRevenueSettled, (_event, aggregate) => {
  const settlement = aggregate as AdRevenueSettlement;
  return new AdRevenueSharedV1({
    settlementId: settlement.id,
    creatorId: settlement.creatorId,
    currency: settlement.currency,
    impressions: settlement.impressions,
    grossAmount: settlement.grossAmount,
    shareAmount: settlement.shareAmount,
    settledAt: settlement.settledAt.toISOString(),
  });
});
