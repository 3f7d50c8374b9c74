import { accessFromSubscription } from '../entitlement/access-policy.js';
import { SubscriptionActivated, SubscriptionCanceled, SubscriptionChanged } from './subscription.events.js';
import { Subscription, type ProviderSubscriptionState } from './subscription.js';

const RANKS: Record<string, number> = { free: 0, prime: 10, 'creator-plus': 20, 'studio-pro': 30 };
const rank = (planId: string) => RANKS[planId] ?? -1;
const at = (iso: string) => new Date(iso);

function state(overrides: Partial<ProviderSubscriptionState> = {}): ProviderSubscriptionState {
  return {
    providerSubscriptionId: 'sub_1',
    providerCustomerId: 'cus_1',
    status: 'active',
    planId: 'prime',
    interval: 'month',
    providerPriceId: 'price_prime_month',
    unitAmount: 499,
    currency: 'usd',
    currentPeriodStart: at('2026-11-01T00:00:00Z'),
    currentPeriodEnd: at('2026-12-01T00:00:00Z'),
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    trialEnd: null,
    cancellation: { reason: null, feedback: null, comment: null },
    discounted: false,
    ...overrides,
  };
}

const USER = '0193f000-0000-7000-8000-000000000001';

describe('Subscription', () => {
  it('announces activation when first seen with paid access, and counts its MRR', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-01T00:00:00Z'));
    expect(subscription.pullDomainEvents().map((e) => e.constructor)).toEqual([SubscriptionActivated]);
    expect(subscription.mrr).toBe(499);
  });

  it('counts no MRR while trialing, and yearly prices spread over twelve months', () => {
    expect(Subscription.fromProvider(USER, state({ status: 'trialing' }), new Date()).mrr).toBe(0);
    expect(Subscription.fromProvider(USER, state({ interval: 'year', unitAmount: 4_990 }), new Date()).mrr).toBe(416);
  });

  it('refuses a snapshot older than the state it holds', () => {
    const subscription = Subscription.fromProvider(USER, state({ status: 'past_due' }), at('2026-11-10T00:00:00Z'));
    const outcome = subscription.applyProviderState(state({ status: 'active' }), at('2026-11-09T00:00:00Z'), rank);
    expect(outcome).toBe('stale');
    expect(subscription.status).toBe('past_due');
  });

  it('refuses a different snapshot with the same timestamp: within one second the order is unknown', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-10T00:00:00Z'));
    expect(subscription.applyProviderState(state({ cancelAtPeriodEnd: true }), at('2026-11-10T00:00:00Z'), rank)).toBe(
      'stale',
    );
    expect(subscription.applyProviderState(state({ cancelAtPeriodEnd: true }), at('2026-11-10T00:00:01Z'), rank)).toBe(
      'applied',
    );
  });

  it('never leaves a terminal state, whatever the timestamp', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-01T00:00:00Z'));
    subscription.applyProviderState(
      state({ status: 'canceled', endedAt: at('2026-11-05T00:00:00Z') }),
      at('2026-11-05T00:00:00Z'),
      rank,
    );
    expect(subscription.applyProviderState(state({ status: 'active' }), at('2026-11-06T00:00:00Z'), rank)).toBe(
      'stale',
    );
    expect(subscription.status).toBe('canceled');
    expect(subscription.mrr).toBe(0);
  });

  it('applies a cancellation even when its snapshot is older (a terminal state is final)', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-10T00:00:00Z'));
    subscription.pullDomainEvents();
    expect(subscription.applyProviderState(state({ status: 'canceled' }), at('2026-11-09T00:00:00Z'), rank)).toBe(
      'applied',
    );
    expect(subscription.pullDomainEvents().map((e) => e.constructor)).toEqual([
      SubscriptionCanceled,
      SubscriptionChanged,
    ]);
  });

  it('treats an identical snapshot as unchanged and records nothing', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-01T00:00:00Z'));
    subscription.pullDomainEvents();
    expect(subscription.applyProviderState(state(), at('2026-11-02T00:00:00Z'), rank)).toBe('unchanged');
    expect(subscription.pullDomainEvents()).toEqual([]);
  });

  it('keeps the previous plan’s access until the paid period ends after a downgrade', () => {
    const subscription = Subscription.fromProvider(
      USER,
      state({ planId: 'studio-pro', unitAmount: 2_999 }),
      at('2026-11-01T00:00:00Z'),
    );
    subscription.applyProviderState(state({ planId: 'prime', unitAmount: 499 }), at('2026-11-15T00:00:00Z'), rank);
    expect(subscription.heldPlanId).toBe('studio-pro');
    expect(subscription.heldUntil).toEqual(at('2026-12-01T00:00:00Z'));
    expect(accessFromSubscription(subscription, at('2026-11-20T00:00:00Z'), 7).planId).toBe('studio-pro');
    expect(accessFromSubscription(subscription, at('2026-12-01T00:00:01Z'), 7).planId).toBe('prime');
  });

  it('gives an upgrade’s plan at once', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-01T00:00:00Z'));
    subscription.applyProviderState(
      state({ planId: 'studio-pro', unitAmount: 2_999 }),
      at('2026-11-15T00:00:00Z'),
      rank,
    );
    expect(subscription.heldPlanId).toBeNull();
    expect(accessFromSubscription(subscription, at('2026-11-15T00:00:01Z'), 7).planId).toBe('studio-pro');
  });

  it('keeps access while past_due for the grace period, then falls back to Free', () => {
    const subscription = Subscription.fromProvider(USER, state(), at('2026-11-01T00:00:00Z'));
    subscription.applyProviderState(state({ status: 'past_due' }), at('2026-11-02T00:00:00Z'), rank);
    expect(subscription.pastDueSince).toEqual(at('2026-11-02T00:00:00Z'));
    const during = accessFromSubscription(subscription, at('2026-11-08T00:00:00Z'), 7);
    expect(during).toMatchObject({ planId: 'prime', thenPlanId: 'free', validUntil: at('2026-11-09T00:00:00Z') });
    expect(accessFromSubscription(subscription, at('2026-11-09T00:00:00Z'), 7).planId).toBe('free');
  });

  it('gives no paid access when unpaid, paused or incomplete', () => {
    for (const status of ['unpaid', 'paused', 'incomplete'] as const) {
      const subscription = Subscription.fromProvider(USER, state({ status }), new Date());
      expect(accessFromSubscription(subscription, new Date(), 7).planId).toBe('free');
      expect(subscription.pullDomainEvents().some((e) => e instanceof SubscriptionActivated)).toBe(false);
    }
  });

  it('announces an activation when a paused subscription resumes', () => {
    const subscription = Subscription.fromProvider(USER, state({ status: 'paused' }), at('2026-11-01T00:00:00Z'));
    subscription.pullDomainEvents();
    subscription.applyProviderState(state({ status: 'active' }), at('2026-11-03T00:00:00Z'), rank);
    expect(subscription.pullDomainEvents().map((e) => e.constructor)).toEqual([
      SubscriptionActivated,
      SubscriptionChanged,
    ]);
  });
});
