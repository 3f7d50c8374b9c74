import { SetMetadata } from '@nestjs/common';

export const WRITE_BUDGET = 'showrunner:write-budget';

/** How many mutating calls a route or socket event allows per window, per user and per IP address. */
export interface WriteBudgetLimits {
  perUser: number;
  perIp: number;
  windowSeconds: number;
}

/** A route's own budget: unset limits keep the defaults; `name` keys its counters in Redis. */
export type WriteBudgetOverride = Partial<WriteBudgetLimits> & { name: string };

/**
 * Overrides the default write budget (`WRITE_RATE_LIMIT_*`) of a route or socket event, on a handler
 * or a whole controller/gateway. A route with its own budget gets its own counters; the others share
 * theirs. There is no way to opt out: every write has a budget (ADR 0033).
 */
export const WriteBudget = (override: WriteBudgetOverride) => {
  for (const value of [override.perUser, override.perIp, override.windowSeconds])
    if (value !== undefined && (!Number.isInteger(value) || value < 1))
      throw new Error(`A write budget is a positive whole number (${override.name})`);
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(override.name)) throw new Error(`Bad write budget name '${override.name}'`);
  return SetMetadata(WRITE_BUDGET, override);
};

/**
 * Scales the per-user budget by how far the platform trusts the caller: 1 for full trust, less for
 * new or suspicious accounts. A context implements it (the platform knows no trust model); without an
 * implementation every account gets the full budget.
 */
export abstract class WriteBudgetScaling {
  /** A factor in (0, 1]; fails open (1) when trust cannot be read. */
  abstract factorFor(userId: string): Promise<number>;
}
