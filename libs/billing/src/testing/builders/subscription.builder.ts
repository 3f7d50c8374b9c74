import type { ProviderSubscription } from '../../application/payment-provider.js';
import type { BillingInterval, Plan } from '../../domain/plan/plan.js';
import type { SubscriptionStatus } from '../../domain/subscription/subscription-status.js';
import { Subscription, type ProviderSubscriptionState } from '../../domain/subscription/subscription.js';
import { providerPriceIdOf } from './plan.builder.js';

const DAY_MS = 86_400_000;

/**
 * An active gold subscription in today's period, which began at midnight UTC 10 days ago and ends in
 * about 20 (the applier reads the real clock; whole days keep builders made moments apart equal).
 */
function initialState(): ProviderSubscriptionState {
  const periodStart = new Date((Math.floor(Date.now() / DAY_MS) - 10) * DAY_MS);
  return {
    providerSubscriptionId: 'sub_1',
    providerCustomerId: 'cus_1',
    status: 'active',
    planId: 'gold',
    interval: 'month',
    providerPriceId: providerPriceIdOf('gold', 'month'),
    unitAmount: 999,
    currency: 'usd',
    currentPeriodStart: periodStart,
    currentPeriodEnd: new Date(periodStart.getTime() + 30 * DAY_MS),
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    trialEnd: null,
    cancellation: { reason: null, feedback: null, comment: null },
    discounted: false,
  };
}

/** A user id in the UUID form billing expects in provider metadata. */
export const A_USER_ID = '0193f000-0000-7000-8000-0000000000a1';

/** The fields a subscription has at the provider; shared by the aggregate and the provider-side builders. */
abstract class SubscriptionShapeBuilder {
  protected state: ProviderSubscriptionState = initialState();

  /** On a plan at the plan's own price for `interval` (a plan id alone keeps the current amount). */
  onPlan(plan: Plan | string, interval: BillingInterval = 'month'): this {
    const planId = typeof plan === 'string' ? plan : plan.id;
    const price = typeof plan === 'string' ? undefined : plan.prices[interval];
    this.state = {
      ...this.state,
      planId,
      interval,
      providerPriceId: providerPriceIdOf(planId, interval),
      unitAmount: price?.amount ?? this.state.unitAmount,
      currency: price?.currency ?? this.state.currency,
    };
    return this;
  }

  priced(unitAmount: number, currency = this.state.currency): this {
    this.state = { ...this.state, unitAmount, currency };
    return this;
  }

  withProviderIds(providerSubscriptionId: string, providerCustomerId = this.state.providerCustomerId): this {
    this.state = { ...this.state, providerSubscriptionId, providerCustomerId };
    return this;
  }

  /** The paid period the provider reports, from `start` for one interval (30 days or 365). */
  periodFrom(start: Date): this {
    const days = this.state.interval === 'year' ? 365 : 30;
    this.state = {
      ...this.state,
      currentPeriodStart: start,
      currentPeriodEnd: new Date(start.getTime() + days * DAY_MS),
    };
    return this;
  }

  active(): this {
    return this.inStatus('active');
  }

  trialing(until = this.state.currentPeriodEnd): this {
    this.state = { ...this.state, trialEnd: until };
    return this.inStatus('trialing');
  }

  pastDue(): this {
    return this.inStatus('past_due');
  }

  unpaid(): this {
    return this.inStatus('unpaid');
  }

  paused(): this {
    return this.inStatus('paused');
  }

  incomplete(): this {
    return this.inStatus('incomplete');
  }

  canceled(at = this.state.currentPeriodEnd, feedback: string | null = null): this {
    this.state = { ...this.state, canceledAt: at, endedAt: at, cancellation: { ...this.state.cancellation, feedback } };
    return this.inStatus('canceled');
  }

  cancelingAtPeriodEnd(): this {
    this.state = { ...this.state, cancelAtPeriodEnd: true, canceledAt: this.state.currentPeriodStart };
    return this;
  }

  inStatus(status: SubscriptionStatus): this {
    this.state = { ...this.state, status };
    return this;
  }

  /** The provider has a discount in force on it (a coupon not yet ended), or not. */
  discounted(inForce = true): this {
    this.state = { ...this.state, discounted: inForce };
    return this;
  }
}

/**
 * A stored subscription aggregate: `aSubscription().active().onPlan(gold).build()`. Built through the
 * domain's own factory, with its creation events already released (as if loaded from storage).
 */
export class SubscriptionBuilder extends SubscriptionShapeBuilder {
  private userId = A_USER_ID;
  private observedAt: Date | null = null;
  private attribution: Record<string, string> = {};

  forUser(userId: string): this {
    this.userId = userId;
    return this;
  }

  /** When billing saw this state (a past_due subscription's grace period runs from here). */
  observedOn(at: Date): this {
    this.observedAt = at;
    return this;
  }

  attributedTo(attribution: Record<string, string>): this {
    this.attribution = attribution;
    return this;
  }

  /** The provider state the aggregate was built from. */
  buildState(): ProviderSubscriptionState {
    return structuredClone(this.state);
  }

  build(): Subscription {
    const subscription = Subscription.fromProvider(
      this.userId,
      this.buildState(),
      this.observedAt ?? this.state.currentPeriodStart,
      this.attribution,
    );
    subscription.pullDomainEvents();
    return subscription;
  }
}

/**
 * A subscription as the provider describes it in a webhook or a fetch:
 * `aProviderSubscription().pastDue().onPlan(gold).build()`.
 */
export class ProviderSubscriptionBuilder extends SubscriptionShapeBuilder {
  private metadata: Record<string, string> = { userId: A_USER_ID };

  forUser(userId: string): this {
    this.metadata = { ...this.metadata, userId };
    return this;
  }

  withMetadata(metadata: Record<string, string>): this {
    this.metadata = { ...this.metadata, ...metadata };
    return this;
  }

  build(): ProviderSubscription {
    const { planId, interval, unitAmount, currency, discounted, ...rest } = structuredClone(this.state);
    return {
      ...rest,
      discountIds: discounted ? ['di_1'] : [],
      status: rest.status,
      priceHint: { planId, interval, unitAmount, currency },
      metadata: { ...this.metadata },
    };
  }
}

export const aSubscription = () => new SubscriptionBuilder();
export const aProviderSubscription = () => new ProviderSubscriptionBuilder();
