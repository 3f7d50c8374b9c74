import { classifyMovement, type MovementKind, type MrrMovement } from './mrr-movement.js';

/** MRR moved and subscribers gained or lost over some span, in one currency. Money amounts are magnitudes (>= 0). */
export interface MrrFlows {
  newMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  churnedMrr: number;
  reactivationMrr: number;
  /** New and reactivated subscriptions: together with churns they bridge one subscriber count to the next. */
  newSubscribers: number;
  churnedSubscribers: number;
}

/** What one movement did, measured against the MRR the ledger held for that subscription. */
export interface AppliedMovement {
  kind: MovementKind;
  before: number;
  after: number;
}

/** Flows of an empty span. */
export function noFlows(): MrrFlows {
  return {
    newMrr: 0,
    expansionMrr: 0,
    contractionMrr: 0,
    churnedMrr: 0,
    reactivationMrr: 0,
    newSubscribers: 0,
    churnedSubscribers: 0,
  };
}

/** Adds one applied movement to `flows` (in place: a bucket accumulates many). */
export function recordFlow(flows: MrrFlows, { kind, before, after }: AppliedMovement): void {
  switch (kind) {
    case 'new':
      flows.newMrr += after;
      flows.newSubscribers += 1;
      break;
    case 'reactivation':
      flows.reactivationMrr += after;
      flows.newSubscribers += 1;
      break;
    case 'expansion':
      flows.expansionMrr += after - before;
      break;
    case 'contraction':
      flows.contractionMrr += before - after;
      break;
    case 'churn':
      flows.churnedMrr += before;
      flows.churnedSubscribers += 1;
      break;
  }
}

/** The sum of two spans' flows. */
export function addFlows(a: MrrFlows, b: MrrFlows): MrrFlows {
  return {
    newMrr: a.newMrr + b.newMrr,
    expansionMrr: a.expansionMrr + b.expansionMrr,
    contractionMrr: a.contractionMrr + b.contractionMrr,
    churnedMrr: a.churnedMrr + b.churnedMrr,
    reactivationMrr: a.reactivationMrr + b.reactivationMrr,
    newSubscribers: a.newSubscribers + b.newSubscribers,
    churnedSubscribers: a.churnedSubscribers + b.churnedSubscribers,
  };
}

/** How much MRR the span added overall: what it gained minus what it lost. */
export function netNewMrr(flows: MrrFlows): number {
  return flows.newMrr + flows.expansionMrr + flows.reactivationMrr - flows.contractionMrr - flows.churnedMrr;
}

interface SubscriptionState {
  mrr: number;
  planId: string;
  hadRevenue: boolean;
}

/**
 * The MRR state of one currency's subscriptions, replayed movement by movement in time order.
 * Totals are kept incrementally so reading them after each bucket costs nothing per subscription.
 *
 * Each movement is measured from the MRR the ledger last recorded for its subscription (its previous `mrrAfter`,
 * 0 if unseen), not from the row's own `mrrBefore`. In a consistent ledger the two are equal; if a row is missing,
 * this keeps "MRR at start + net new MRR = MRR at end" true instead of reporting flows that never reached the total.
 */
export class MrrLedger {
  private readonly subscriptions = new Map<string, SubscriptionState>();
  private readonly plans = new Map<string, number>();
  private readonly planMrr = new Map<string, number>();
  private totalMrr = 0;
  private payingSubscriptions = 0;

  /** Sum of every subscription's latest MRR. */
  get mrr(): number {
    return this.totalMrr;
  }

  /** Subscriptions whose latest MRR is above 0. */
  get subscribers(): number {
    return this.payingSubscriptions;
  }

  /** Paying subscriptions per plan, plans sorted by id, plans with none left out. */
  subscribersByPlan(): Record<string, number> {
    const entries = [...this.plans.entries()].filter(([, count]) => count > 0);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** MRR per plan (net of discounts in force, trials excluded), plans sorted by id, plans with none left out. */
  mrrByPlan(): Record<string, number> {
    const entries = [...this.planMrr.entries()].filter(([, mrr]) => mrr > 0);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Replays one movement; returns what it did to MRR, or null when MRR did not change (its plan is still taken). */
  apply(movement: MrrMovement): AppliedMovement | null {
    const previous = this.subscriptions.get(movement.subscriptionId) ?? {
      mrr: 0,
      planId: movement.planId,
      hadRevenue: false,
    };
    const applied = this.measure(previous, movement.mrrAfter);
    this.leave(previous);
    const next = {
      mrr: movement.mrrAfter,
      planId: movement.planId,
      hadRevenue: previous.hadRevenue || movement.mrrAfter > 0,
    };
    this.enter(next);
    this.subscriptions.set(movement.subscriptionId, next);
    return applied;
  }

  private measure(previous: SubscriptionState, after: number): AppliedMovement | null {
    const kind = classifyMovement({ mrrBefore: previous.mrr, mrrAfter: after }, previous.hadRevenue);
    return kind === null ? null : { kind, before: previous.mrr, after };
  }

  private leave(state: SubscriptionState): void {
    this.totalMrr -= state.mrr;
    this.planMrr.set(state.planId, (this.planMrr.get(state.planId) ?? 0) - state.mrr);
    if (state.mrr > 0) {
      this.payingSubscriptions -= 1;
      this.plans.set(state.planId, (this.plans.get(state.planId) ?? 0) - 1);
    }
  }

  private enter(state: SubscriptionState): void {
    this.totalMrr += state.mrr;
    this.planMrr.set(state.planId, (this.planMrr.get(state.planId) ?? 0) + state.mrr);
    if (state.mrr > 0) {
      this.payingSubscriptions += 1;
      this.plans.set(state.planId, (this.plans.get(state.planId) ?? 0) + 1);
    }
  }
}
