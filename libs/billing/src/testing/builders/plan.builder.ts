import { DEFAULT_CATALOGUE, FREE_PLAN_ID } from '../../domain/plan/default-catalogue.js';
import type { Entitlements } from '../../domain/plan/entitlements.js';
import { Plan, type BillingInterval, type PlanDefinition, type Price } from '../../domain/plan/plan.js';
import { ProviderPrice } from '../../domain/plan/provider-price.js';

const FREE_ENTITLEMENTS = DEFAULT_CATALOGUE.find((plan) => plan.id === FREE_PLAN_ID)!.entitlements;

/** The provider price id a builder gives a plan's interval, so subscriptions and prices agree. */
export const providerPriceIdOf = (planId: string, interval: BillingInterval) => `price_${planId}_${interval}`;

/** A plan: by default "gold", rank 20, 9.99 usd a month or 99.90 a year, with Free's entitlements. */
export class PlanBuilder {
  private definition: PlanDefinition = {
    id: 'gold',
    name: 'Gold',
    description: 'A paid tier for tests.',
    benefits: [],
    prices: { month: { amount: 999, currency: 'usd' }, year: { amount: 9_990, currency: 'usd' } },
    entitlements: { ...FREE_ENTITLEMENTS },
    trialDays: 0,
    rank: 20,
  };
  private archivedAt: Date | null = null;

  withId(id: string): this {
    this.definition.id = id;
    this.definition.name = id[0].toUpperCase() + id.slice(1);
    return this;
  }

  ranked(rank: number): this {
    this.definition.rank = rank;
    return this;
  }

  monthly(amount: number, currency = 'usd'): this {
    this.definition.prices.month = { amount, currency };
    return this;
  }

  yearly(amount: number, currency = 'usd'): this {
    this.definition.prices.year = { amount, currency };
    return this;
  }

  /** No price above zero: the free tier. */
  free(): this {
    this.definition.prices = {};
    return this;
  }

  withTrialDays(days: number): this {
    this.definition.trialDays = days;
    return this;
  }

  entitling(entitlements: Partial<Entitlements>): this {
    this.definition.entitlements = { ...this.definition.entitlements, ...entitlements };
    return this;
  }

  archived(at = new Date()): this {
    this.archivedAt = at;
    return this;
  }

  build(): Plan {
    const plan = Plan.define(this.definition);
    if (this.archivedAt) plan.archive(this.archivedAt);
    plan.pullDomainEvents();
    return plan;
  }

  /** The plan's prices as synced to the provider (one active price per interval it sells). */
  buildPrices(): ProviderPrice[] {
    return (Object.entries(this.definition.prices) as Array<[BillingInterval, Price | undefined]>)
      .filter((entry): entry is [BillingInterval, Price] => !!entry[1] && entry[1].amount > 0)
      .map(
        ([interval, price]) =>
          new ProviderPrice(
            providerPriceIdOf(this.definition.id, interval),
            this.definition.id,
            interval,
            price.amount,
            price.currency,
            true,
          ),
      );
  }
}

export const aPlan = () => new PlanBuilder();

/** The free tier every catalogue has (entitlements are read from it when nothing is paid for). */
export const aFreePlan = () => aPlan().withId(FREE_PLAN_ID).free().ranked(0);
