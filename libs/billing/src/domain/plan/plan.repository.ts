import type { Plan } from './plan.js';
import type { ProviderPrice } from './provider-price.js';
import type { BillingInterval } from './plan.js';

export abstract class PlanRepository {
  abstract all(): Promise<Plan[]>;
  abstract byId(id: string): Promise<Plan | null>;
  abstract pricesOf(planId: string): Promise<ProviderPrice[]>;
  abstract activePrice(planId: string, interval: BillingInterval): Promise<ProviderPrice | null>;
  abstract priceByProviderId(providerPriceId: string): Promise<ProviderPrice | null>;
  abstract add(...entities: Array<Plan | ProviderPrice>): void;
}
