import type { QuotaLimit, QuotaName } from '../plan/entitlements.js';

/**
 * How a plan bills usage above one of its quotas: whole units of `unitSize` (rounded up), each at
 * `unitAmount` minor units of `currency`. A quota without a rule is a hard limit (402 past it).
 */
export interface OverageRule {
  quota: QuotaName;
  unitSize: number;
  unitAmount: number;
  currency: string;
}

/**
 * Which plans may go over which quotas (docs/adr/0057). Storage is a hard limit everywhere: bytes
 * kept are a level, not a flow, and a level has no natural "period end" to bill.
 */
export const DEFAULT_OVERAGE_RULES: Readonly<Record<string, readonly OverageRule[]>> = {
  'studio-pro': [
    { quota: 'uploads_per_month', unitSize: 1, unitAmount: 25, currency: 'usd' },
    { quota: 'api_calls_per_month', unitSize: 1_000, unitAmount: 10, currency: 'usd' },
  ],
};

export function overageRuleOf(planId: string, quota: QuotaName): OverageRule | null {
  return DEFAULT_OVERAGE_RULES[planId]?.find((rule) => rule.quota === quota) ?? null;
}

export function overageRulesOf(planId: string): readonly OverageRule[] {
  return DEFAULT_OVERAGE_RULES[planId] ?? [];
}

/** Billable units and amount of `used` against `limit` under `rule` (nothing at or below the limit). */
export function overageOf(used: number, limit: QuotaLimit, rule: OverageRule): { units: number; amount: number } {
  if (limit === 'unlimited' || used <= limit) return { units: 0, amount: 0 };
  const units = Math.ceil((used - limit) / rule.unitSize);
  return { units, amount: units * rule.unitAmount };
}

/** Alert thresholds, in percent of a quota. */
export const USAGE_ALERT_THRESHOLDS = [80, 100] as const;
export type UsageAlertThreshold = (typeof USAGE_ALERT_THRESHOLDS)[number];

/**
 * The thresholds `used` has reached against `limit` (none for unlimited or zero limits: a zero
 * quota is "not in your plan", which the 402 already says).
 */
export function thresholdsReached(used: number, limit: QuotaLimit): UsageAlertThreshold[] {
  if (limit === 'unlimited' || limit <= 0) return [];
  // Integer arithmetic: 80% of 5 is 4 exactly, never 3.9999.
  return USAGE_ALERT_THRESHOLDS.filter((percent) => used * 100 >= limit * percent);
}
