import { AggregateRoot } from '@lib/platform/ddd';
import { ENTITLEMENT_NAMES, entitlementValueProblem, type Entitlements } from './entitlements.js';
import { InvalidPlanError, PlanArchivedError, PlanNotForSaleError } from './plan.errors.js';

export type BillingInterval = 'month' | 'year';
export const BILLING_INTERVALS: BillingInterval[] = ['month', 'year'];

/** A price in integer minor units (cents) and a lowercase ISO 4217 currency. */
export interface Price {
  amount: number;
  currency: string;
}

export interface PlanDefinition {
  id: string;
  name: string;
  description: string;
  benefits: string[];
  prices: Partial<Record<BillingInterval, Price>>;
  entitlements: Entitlements;
  trialDays: number;
  rank: number;
}

/**
 * A tier fans or creators subscribe to. Prices and entitlements are ours; the payment provider only
 * mirrors the prices (`billing:sync-plans`). An archived plan is no longer sold, but its subscribers
 * keep renewing on it.
 */
export class Plan extends AggregateRoot {
  readonly id: string;
  name: string;
  description: string;
  benefits: string[];
  prices: Partial<Record<BillingInterval, Price>>;
  entitlements: Entitlements;
  trialDays: number;
  /** Display order and the tier's height: a higher rank is a bigger plan. */
  rank: number;
  archivedAt: Date | null = null;
  providerProductId: string | null = null;
  readonly createdAt: Date;
  updatedAt: Date;

  private constructor(definition: PlanDefinition) {
    super();
    this.id = definition.id;
    this.name = definition.name;
    this.description = definition.description;
    this.benefits = definition.benefits;
    this.prices = definition.prices;
    this.entitlements = definition.entitlements;
    this.trialDays = definition.trialDays;
    this.rank = definition.rank;
    this.createdAt = this.updatedAt = new Date();
  }

  static define(definition: PlanDefinition): Plan {
    validate(definition);
    return new Plan({ ...definition, prices: { ...definition.prices }, entitlements: { ...definition.entitlements } });
  }

  get isArchived(): boolean {
    return this.archivedAt !== null;
  }

  /** A plan without any price above zero is the free tier: nobody checks out to it. */
  get isFree(): boolean {
    return Object.values(this.prices).every((price) => !price || price.amount === 0);
  }

  /** The price a new checkout would pay; refuses archived plans and missing intervals. */
  priceForSale(interval: BillingInterval): Price {
    if (this.isArchived) throw new PlanArchivedError(this.id);
    const price = this.prices[interval];
    if (!price || price.amount === 0) throw new PlanNotForSaleError(this.id, interval);
    return price;
  }

  archive(at = new Date()): boolean {
    if (this.archivedAt) return false;
    this.archivedAt = at;
    this.updatedAt = at;
    return true;
  }

  unarchive(): boolean {
    if (!this.archivedAt) return false;
    this.archivedAt = null;
    this.updatedAt = new Date();
    return true;
  }

  linkProduct(productId: string): void {
    if (this.providerProductId === productId) return;
    this.providerProductId = productId;
    this.updatedAt = new Date();
  }
}

function validate(definition: PlanDefinition): void {
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(definition.id))
    throw new InvalidPlanError(`Plan id "${definition.id}" must be 2-40 lowercase letters, digits or -`);
  for (const [interval, price] of Object.entries(definition.prices)) {
    if (!price) continue;
    if (!Number.isInteger(price.amount) || price.amount < 0)
      throw new InvalidPlanError(`${definition.id}: the ${interval} price must be whole minor units`);
    if (!/^[a-z]{3}$/.test(price.currency))
      throw new InvalidPlanError(`${definition.id}: currency must be a lowercase ISO 4217 code`);
  }
  for (const name of ENTITLEMENT_NAMES) {
    const problem = entitlementValueProblem(name, definition.entitlements[name]);
    if (problem) throw new InvalidPlanError(`${definition.id}: ${problem}`);
  }
}
