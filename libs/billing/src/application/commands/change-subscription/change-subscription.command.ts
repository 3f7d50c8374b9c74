import { Command } from '@nestjs/cqrs';
import type { BillingInterval } from '../../../domain/plan/plan.js';
import type { SubscriptionView } from '../../subscription-views.js';
import type { ChangePreview } from '../../payment-provider.js';

export interface QuotaWarning {
  entitlement: string;
  used: number;
  newLimit: number;
}

export interface ChangeOutcome extends ChangePreview {
  preview: boolean;
  kind: 'upgrade' | 'downgrade';
  /** When the new plan's entitlements apply: now for an upgrade, the period end for a downgrade. */
  effectiveAt: string;
  /** Quotas whose current usage is above the new plan's limit. */
  warnings: QuotaWarning[];
  subscription: SubscriptionView | null;
}

export class ChangeSubscriptionCommand extends Command<ChangeOutcome> {
  constructor(
    readonly userId: string,
    readonly planId: string,
    readonly interval: BillingInterval,
    readonly preview: boolean,
  ) {
    super();
  }
}
