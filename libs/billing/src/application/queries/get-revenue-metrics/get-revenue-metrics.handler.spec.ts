import { Customer } from '../../../domain/customer/customer.js';
import {
  A_USER_ID,
  aFreePlan,
  aPlan,
  aProviderSubscription,
  InMemoryRevenueJournal,
  inMemoryBilling,
} from '../../../testing/index.js';
import type { BillingFact, ProviderSubscription } from '../../payment-provider.js';
import { GetRevenueMetricsHandler } from './get-revenue-metrics.handler.js';
import { GetRevenueMetricsQuery } from './get-revenue-metrics.query.js';

const HOUR_MS = 3_600_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR_MS);
const OTHER_USER = '0193f000-0000-7000-8000-0000000000b2';

describe('Revenue metrics from the subscription facts billing applied', () => {
  it('classifies each movement of MRR as new, expansion, contraction, churn or reactivation', async () => {
    const billing = inMemoryBilling();
    billing.given(
      aFreePlan(),
      aPlan().withId('prime').ranked(10).monthly(500),
      aPlan().withId('gold').ranked(20).monthly(1_000),
    );
    billing.given(new Customer(A_USER_ID, 'cus_1'), new Customer(OTHER_USER, 'cus_2'));
    const apply = (subscription: ProviderSubscription, hoursBefore: number) =>
      billing.unitOfWork.transactional(() =>
        billing.applier.apply({ kind: 'subscription', subscription } satisfies BillingFact, hoursAgo(hoursBefore)),
      );
    const fan = () => aProviderSubscription().withProviderIds('sub_1', 'cus_1');
    const otherFan = () => aProviderSubscription().withProviderIds('sub_2', 'cus_2').forUser(OTHER_USER);

    await apply(fan().active().onPlan('prime').priced(500).build(), 6); // new 500
    await apply(otherFan().active().onPlan('gold').priced(1_000).build(), 6); // new 1000
    await apply(fan().active().onPlan('gold').priced(1_000).build(), 5); // expansion 500
    await apply(otherFan().active().onPlan('prime').priced(500).build(), 5); // contraction 500
    await apply(fan().unpaid().onPlan('gold').priced(1_000).build(), 4); // churn 1000
    await apply(fan().active().onPlan('gold').priced(1_000).build(), 3); // reactivation 1000
    await apply(otherFan().canceled(hoursAgo(2)).onPlan('prime').priced(500).build(), 2); // churn 500

    const journal = new InMemoryRevenueJournal();
    const entry = (stream: 'tips' | 'commission' | 'gifts', amount: number, currency: string, hoursBefore: number) =>
      journal.record({
        id: `${stream}-${amount}-${currency}`,
        stream,
        sourceKey: `${stream}:${amount}:${currency}`,
        amount,
        currency,
        creatorId: null,
        occurredAt: hoursAgo(hoursBefore),
      });
    await entry('gifts', 4_990, 'usd', 3);
    await entry('gifts', -4_990, 'usd', 2);
    await entry('gifts', 999, 'usd', 1);
    await entry('tips', 500, 'eur', 1);
    await entry('commission', 50, 'eur', 1);
    await entry('tips', 700, 'usd', 48); // before the report's range: not counted

    const report = await new GetRevenueMetricsHandler(billing.movements, journal).execute(
      new GetRevenueMetricsQuery(hoursAgo(24), new Date(Date.now() + HOUR_MS), 'month'),
    );

    // Euros came only as tips: their own currency entry with zero MRR, never added to dollars.
    expect(report.currencies.map((entry) => entry.currency)).toEqual(['eur', 'usd']);
    const [eur, usd] = report.currencies;
    expect(eur.summary).toMatchObject({
      endingMrr: 0,
      streams: { tips: 500, commission: 50, gifts: 0, ads: 0, overage: 0 },
    });
    expect(usd.summary.streams).toEqual({ tips: 0, commission: 0, gifts: 999, ads: 0, overage: 0 });
    expect(usd.buckets.reduce((sum, bucket) => sum + bucket.streams.gifts, 0)).toBe(999);
    expect(report.currencies[1].summary).toMatchObject({
      startingMrr: 0,
      newMrr: 1_500,
      expansionMrr: 500,
      contractionMrr: 500,
      churnedMrr: 1_500,
      reactivationMrr: 1_000,
      endingMrr: 1_000,
      netNewMrr: 1_000,
      endingSubscribers: 1,
    });
  });
});
