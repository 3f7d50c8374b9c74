import { Command } from '@nestjs/cqrs';
import type { BillingInterval } from '../../../domain/plan/plan.js';

export class StartCheckoutCommand extends Command<{ checkoutUrl: string; sessionId: string }> {
  constructor(
    readonly userId: string,
    readonly planId: string,
    readonly interval: BillingInterval,
    /** What led to the purchase (`contentId`, `campaign`, …), carried through the provider and back. */
    readonly attribution: Record<string, string>,
    /** Where the payment page sends the customer after paying / cancelling; default the web app's pages. */
    readonly returnTo: { successUrl?: string; cancelUrl?: string } = {},
    /** An offer's code (case-insensitive): its discount or longer trial is applied through the provider. */
    readonly offerCode: string | null = null,
  ) {
    super();
  }
}
