import type { Plan } from '../domain/plan/plan.js';

export interface PlanView {
  id: string;
  name: string;
  description: string;
  benefits: string[];
  prices: Array<{ interval: 'month' | 'year'; amount: number; currency: string }>;
  entitlements: Record<string, boolean | number | string>;
  trialDays: number;
  archived: boolean;
}

export function toPlanView(plan: Plan): PlanView {
  return {
    id: plan.id,
    name: plan.name,
    description: plan.description,
    benefits: [...plan.benefits],
    prices: (['month', 'year'] as const).flatMap((interval) => {
      const price = plan.prices[interval];
      return price ? [{ interval, amount: price.amount, currency: price.currency }] : [];
    }),
    entitlements: { ...plan.entitlements },
    trialDays: plan.trialDays,
    archived: plan.isArchived,
  };
}
