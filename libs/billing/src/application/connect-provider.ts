import type { PayoutStatus, ProviderTipPayment } from '../domain/tips/tips.js';

/** A connected (Express) account as the provider describes it. */
export interface ProviderAccount {
  providerAccountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  transfersActive: boolean;
  payoutsManual: boolean;
}

export interface ProviderPayout {
  providerPayoutId: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
  arrivalDate: Date | null;
  failureCode: string | null;
  createdAt: Date;
}

/** What a Connect-related provider event means to tips and payouts. */
export type ConnectFact =
  | { kind: 'account'; providerAccountId: string }
  | { kind: 'payout'; providerPayoutId: string; providerAccountId: string }
  | { kind: 'tip-checkout'; tipId: string; paymentIntentId: string | null; expired: boolean }
  | { kind: 'tip-payment'; tipId: string | null; paymentIntentId: string };

/**
 * Stripe Connect as tips and creator payouts need it (the real Stripe or the sandbox's emulator): Express accounts,
 * destination charges through Checkout, transfer reversals, payout schedules. Creates take idempotency keys.
 */
export abstract class ConnectProvider {
  abstract createExpressAccount(
    input: { creatorId: string; email: string | null },
    idempotencyKey: string,
  ): Promise<string>;
  abstract onboardingLink(providerAccountId: string, returnUrl: string, refreshUrl: string): Promise<string>;
  abstract retrieveAccount(providerAccountId: string): Promise<ProviderAccount>;
  /** Holds (manual schedule) or releases (daily) the account's automatic payouts. */
  abstract setPayoutsHeld(providerAccountId: string, held: boolean, idempotencyKey: string): Promise<void>;
  abstract createTipCheckout(
    input: {
      tipId: string;
      fanId: string;
      creatorId: string;
      providerAccountId: string;
      amount: number;
      commission: number;
      currency: string;
      description: string;
      successUrl: string;
      cancelUrl: string;
    },
    idempotencyKey: string,
  ): Promise<{ sessionId: string; url: string }>;
  abstract retrieveTipPayment(paymentIntentId: string): Promise<ProviderTipPayment & { tipId: string | null }>;
  /** The part of a transfer already taken back. */
  abstract transferReversed(transferId: string): Promise<number>;
  abstract reverseTransfer(transferId: string, amount: number, idempotencyKey: string): Promise<void>;
  /** Sends platform money to a connected account (a creator's ad share); returns the transfer's id. */
  abstract createTransfer(
    input: { providerAccountId: string; amount: number; currency: string; metadata: Record<string, string> },
    idempotencyKey: string,
  ): Promise<string>;
  abstract retrievePayout(providerPayoutId: string): Promise<ProviderPayout>;
  /** What a stored event means to Connect; null for anything else. */
  abstract interpret(event: { type: string; payload: Record<string, unknown> }): ConnectFact | null;
}
