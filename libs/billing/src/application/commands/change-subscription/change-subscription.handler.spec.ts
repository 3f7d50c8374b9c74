import { PlanNotFoundError } from '../../../domain/plan/plan.errors.js';
import { NoSubscriptionError, SamePlanError } from '../../../domain/subscription/subscription.errors.js';
import {
  A_USER_ID,
  aFreePlan,
  aPlan,
  aProviderSubscription,
  aSubscription,
  inMemoryBilling,
  providerPriceIdOf,
  type InMemoryBilling,
} from '../../../testing/index.js';
import { ChangeSubscriptionCommand } from './change-subscription.command.js';
import { ChangeSubscriptionHandler } from './change-subscription.handler.js';

const silver = aPlan().withId('silver').ranked(10).monthly(499).entitling({ episodes_per_month: 3 });
const gold = aPlan().withId('gold').ranked(20).monthly(999).yearly(9_990).entitling({ episodes_per_month: 10 });
const platinum = aPlan().withId('platinum').ranked(30).monthly(1_999).entitling({ episodes_per_month: 'unlimited' });

describe('Changing a subscription’s plan', () => {
  let billing: InMemoryBilling;
  let handler: ChangeSubscriptionHandler;

  beforeEach(() => {
    billing = inMemoryBilling();
    handler = new ChangeSubscriptionHandler(
      billing.subscriptions,
      billing.plans,
      billing.catalogue,
      billing.provider,
      billing.applier,
      billing.billingApi,
      billing.unitOfWork,
    );
    billing.given(aFreePlan(), silver, gold, platinum);
  });

  /** A gold monthly subscriber, as billing and the provider both hold it. */
  const givenAGoldSubscriber = () => {
    const subscription = aSubscription().active().onPlan(gold.build()).build();
    billing.given(subscription);
    billing.provider.holdsSubscription(aProviderSubscription().active().onPlan(gold.build()).build());
    return subscription;
  };
  const change = (planId: string, options: { interval?: 'month' | 'year'; preview?: boolean } = {}) =>
    handler.execute(
      new ChangeSubscriptionCommand(A_USER_ID, planId, options.interval ?? 'month', options.preview ?? false),
    );
  const storedPlan = async () => (await billing.subscriptions.liveOf(A_USER_ID))[0].planId;

  it('upgrades at once, charging the prorated difference the provider quotes, under a key tied to this change', async () => {
    const subscription = givenAGoldSubscriber();
    const quote = {
      amountDueNow: 1_000,
      currency: 'usd',
      lines: [{ description: 'Platinum', amount: 1_000, proration: true }],
    };
    billing.provider.quotesPriceChange(quote);

    const versionBefore = subscription.version;
    const before = Date.now();
    const outcome = await change('platinum');

    expect(outcome).toMatchObject({ ...quote, preview: false, kind: 'upgrade', warnings: [] });
    expect(new Date(outcome.effectiveAt).getTime()).toBeGreaterThanOrEqual(before);
    expect(billing.provider.priceChangeCalls).toEqual([
      {
        providerSubscriptionId: subscription.providerSubscriptionId,
        providerPriceId: providerPriceIdOf('platinum', 'month'),
        proration: 'always_invoice',
        idempotencyKey: `change:${subscription.id}:${versionBefore}:platinum:month`,
      },
    ]);
    expect(await storedPlan()).toBe('platinum');
    expect(outcome.subscription).toMatchObject({ planId: 'platinum' });
  });

  it('only quotes when asked for a preview: the provider and the stored subscription stay as they were', async () => {
    givenAGoldSubscriber();

    const outcome = await change('platinum', { preview: true });

    expect(outcome).toMatchObject({ preview: true, kind: 'upgrade' });
    expect(billing.provider.previewCalls).toHaveLength(1);
    expect(billing.provider.priceChangeCalls).toEqual([]);
    expect(await storedPlan()).toBe('gold');
  });

  it('downgrades at the end of the paid period without proration, warning of quotas already above the smaller plan', async () => {
    const subscription = givenAGoldSubscriber();
    await billing.unitOfWork.transactional(() => billing.entitlements.refresh(A_USER_ID));
    await billing.billingApi.consume(A_USER_ID, 'episodes_per_month', 5);

    const outcome = await change('silver');

    expect(outcome).toMatchObject({
      kind: 'downgrade',
      effectiveAt: subscription.currentPeriodEnd.toISOString(),
      warnings: [{ entitlement: 'episodes_per_month', used: 5, newLimit: 3 }],
    });
    expect(billing.provider.priceChangeCalls.map((call) => call.proration)).toEqual(['none']);
  });

  it('treats the same plan at a lower monthly cost (yearly) as a downgrade', async () => {
    givenAGoldSubscriber();

    const outcome = await change('gold', { interval: 'year', preview: true });

    expect(outcome.kind).toBe('downgrade');
    expect(billing.provider.previewCalls.map((call) => call.proration)).toEqual(['none']);
  });

  it('refuses the plan already held, an unknown plan, and a user without a paid subscription', async () => {
    await expect(change('gold')).rejects.toBeInstanceOf(NoSubscriptionError);
    givenAGoldSubscriber();

    await expect(change('gold')).rejects.toBeInstanceOf(SamePlanError);
    await expect(change('diamond')).rejects.toBeInstanceOf(PlanNotFoundError);
    expect(billing.provider.previewCalls).toEqual([]);
  });
});
