import { Offer } from '../../domain/offer/offer.js';
import { aFreePlan, aPlan, aProviderSubscription, inMemoryBilling, type InMemoryBilling } from '../../testing/index.js';
import type { BillingFact, ProviderSubscription } from '../payment-provider.js';

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);
const prime = aPlan().withId('prime').ranked(10).monthly(1000).build();

describe('offer redemptions from the provider’s subscription events', () => {
  let billing: InMemoryBilling;
  let offer: Offer;

  beforeEach(async () => {
    billing = inMemoryBilling();
    billing.given(aFreePlan(), aPlan().withId('prime').ranked(10).monthly(1000));
    offer = Offer.create(
      { code: 'HALF', name: 'Half off for 2 months', percentOff: 50, duration: 'repeating', durationInMonths: 2 },
      ['prime'],
    );
    await billing.offers.insert(offer);
  });

  const apply = (subscription: ProviderSubscription, observedAt: Date) =>
    billing.unitOfWork.transactional(() =>
      billing.applier.apply({ kind: 'subscription', subscription } satisfies BillingFact, observedAt),
    );
  const withOffer = () => aProviderSubscription().onPlan(prime).withMetadata({ offerId: offer.id });
  const stored = async () => (await billing.subscriptions.byProviderIdForUpdate('sub_1'))!;
  const mrrs = async () =>
    (await billing.movements.until(new Date(Date.now() + HOUR_MS))).map((movement) => movement.mrrAfter);

  it('records one redemption per subscription however often and in whatever order its events come', async () => {
    const created = withOffer().active().discounted().build();
    await apply(created, hoursAgo(3));
    await apply(created, hoursAgo(3)); // duplicated delivery
    const latest = withOffer().active().discounted().cancelingAtPeriodEnd().build();
    billing.provider.holdsSubscription(latest); // what the refetch of a stale snapshot finds
    await apply(withOffer().trialing().discounted().build(), hoursAgo(4)); // an older snapshot, late
    await apply(latest, hoursAgo(2));

    expect([...billing.offers.redemptions.values()]).toEqual([
      expect.objectContaining({ offerId: offer.id, planId: 'prime', subscriptionId: (await stored()).id }),
    ]);
    expect((await billing.offers.byId(offer.id))!.redemptions).toBe(1);
    expect(await stored()).toMatchObject({ offerId: offer.id, discounted: true, mrr: 500 });
  });

  it('counts no MRR during the trial, the discounted price after it, and the full price once the discount ends', async () => {
    await apply(withOffer().trialing().discounted().build(), hoursAgo(3));
    expect((await stored()).mrr).toBe(0);
    await apply(withOffer().active().discounted().build(), hoursAgo(2));
    await apply(withOffer().active().discounted(false).build(), hoursAgo(1));
    expect(await mrrs()).toEqual([500, 1000]);
  });

  it('ignores an offer id it does not know, and a subscription without one', async () => {
    await apply(
      aProviderSubscription()
        .onPlan(prime)
        .withMetadata({ offerId: '0193f000-0000-7000-8000-00000000ffff' })
        .active()
        .build(),
      hoursAgo(1),
    );
    expect(await stored()).toMatchObject({ offerId: null, mrr: 1000 });
    expect(billing.offers.redemptions.size).toBe(0);
  });
});
