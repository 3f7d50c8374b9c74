import { Command } from '@nestjs/cqrs';
import type { SubscriptionView } from '../../subscription-views.js';

/** The customer's choices when cancelling (the provider's feedback values). */
export const CANCELLATION_FEEDBACK = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
] as const;
export type CancellationFeedback = (typeof CANCELLATION_FEEDBACK)[number];

export type SubscriptionAction =
  | { kind: 'cancel'; atPeriodEnd: boolean; feedback: CancellationFeedback | null; comment: string | null }
  | { kind: 'pause' }
  | { kind: 'resume' };

export class ManageSubscriptionCommand extends Command<SubscriptionView> {
  constructor(
    readonly userId: string,
    readonly action: SubscriptionAction,
  ) {
    super();
  }
}
