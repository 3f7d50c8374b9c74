import Stripe from 'stripe';
import {
  ConnectProvider,
  type ConnectFact,
  type ProviderAccount,
  type ProviderPayout,
} from '../../application/connect-provider.js';
import { refuseUnconfigured } from '../../application/payment-provider.errors.js';
import type { PayoutStatus, ProviderTipPayment } from '../../domain/tips/tips.js';
import { disputeOf, idOf, oneOffPaymentEvent } from './one-off-payments.js';
import type { StripeConnection } from './stripe-payment-provider.js';

/** Tips and payouts on Stripe Connect (the real Stripe, or the sandbox's emulator): destination charges to Express accounts. */
export class StripeConnectProvider extends ConnectProvider {
  private readonly stripe: Stripe;

  constructor(connection: Omit<StripeConnection, 'webhookSecret' | 'webhookToleranceSeconds'>) {
    super();
    this.stripe = new Stripe(connection.secretKey, {
      host: connection.host,
      port: connection.port,
      protocol: connection.protocol,
      maxNetworkRetries: 2,
      timeout: 20_000,
      appInfo: { name: 'Showrunner' },
    });
  }

  async createExpressAccount(input: { creatorId: string; email: string | null }, idempotencyKey: string) {
    const account = await this.stripe.accounts.create(
      {
        type: 'express',
        email: input.email ?? undefined,
        metadata: { creatorId: input.creatorId },
        capabilities: { transfers: { requested: true } },
      },
      { idempotencyKey },
    );
    return account.id;
  }

  async onboardingLink(providerAccountId: string, returnUrl: string, refreshUrl: string) {
    const link = await this.stripe.accountLinks.create({
      account: providerAccountId,
      type: 'account_onboarding',
      return_url: returnUrl,
      refresh_url: refreshUrl,
    });
    return link.url;
  }

  async retrieveAccount(providerAccountId: string): Promise<ProviderAccount> {
    const account = await this.stripe.accounts.retrieve(providerAccountId);
    return {
      providerAccountId: account.id,
      chargesEnabled: account.charges_enabled ?? false,
      payoutsEnabled: account.payouts_enabled ?? false,
      detailsSubmitted: account.details_submitted ?? false,
      transfersActive: account.capabilities?.transfers === 'active',
      payoutsManual: account.settings?.payouts?.schedule.interval === 'manual',
    };
  }

  async setPayoutsHeld(providerAccountId: string, held: boolean, idempotencyKey: string) {
    await this.stripe.accounts.update(
      providerAccountId,
      { settings: { payouts: { schedule: { interval: held ? 'manual' : 'daily' } } } },
      { idempotencyKey },
    );
  }

  async createTipCheckout(
    input: Parameters<ConnectProvider['createTipCheckout']>[0],
    idempotencyKey: string,
  ): Promise<{ sessionId: string; url: string }> {
    const metadata = { kind: 'tip', tipId: input.tipId, fanId: input.fanId, creatorId: input.creatorId };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        client_reference_id: input.fanId,
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: input.currency,
              unit_amount: input.amount,
              product_data: { name: input.description },
            },
          },
        ],
        payment_intent_data: {
          application_fee_amount: input.commission,
          transfer_data: { destination: input.providerAccountId },
          metadata,
          description: input.description,
        },
        metadata,
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
      },
      { idempotencyKey },
    );
    return { sessionId: session.id, url: session.url! };
  }

  async retrieveTipPayment(paymentIntentId: string): Promise<ProviderTipPayment & { tipId: string | null }> {
    const intent = await this.stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge'] });
    const charge = intent.latest_charge as Stripe.Charge | null;
    return {
      tipId: intent.metadata?.tipId ?? null,
      paymentIntentId: intent.id,
      succeeded: intent.status === 'succeeded',
      amount: intent.amount,
      fee: intent.application_fee_amount ?? 0,
      currency: intent.currency,
      chargeId: charge?.id ?? null,
      transferId: idOf(charge?.transfer),
      amountRefunded: charge?.amount_refunded ?? 0,
      dispute: await disputeOf(this.stripe, charge),
    };
  }

  async transferReversed(transferId: string): Promise<number> {
    return (await this.stripe.transfers.retrieve(transferId)).amount_reversed;
  }

  async reverseTransfer(transferId: string, amount: number, idempotencyKey: string) {
    await this.stripe.transfers.createReversal(transferId, { amount }, { idempotencyKey });
  }

  async createTransfer(input: Parameters<ConnectProvider['createTransfer']>[0], idempotencyKey: string) {
    const transfer = await this.stripe.transfers.create(
      {
        destination: input.providerAccountId,
        amount: input.amount,
        currency: input.currency,
        metadata: input.metadata,
      },
      { idempotencyKey },
    );
    return transfer.id;
  }

  async retrievePayout(providerPayoutId: string): Promise<ProviderPayout> {
    const payout = await this.stripe.payouts.retrieve(providerPayoutId);
    return {
      providerPayoutId: payout.id,
      amount: payout.amount,
      currency: payout.currency,
      status: payout.status as PayoutStatus,
      arrivalDate: payout.arrival_date ? new Date(payout.arrival_date * 1000) : null,
      failureCode: payout.failure_code ?? null,
      createdAt: new Date(payout.created * 1000),
    };
  }

  interpret(event: { type: string; payload: Record<string, unknown> }): ConnectFact | null {
    const object = (event.payload.data as { object?: Record<string, unknown> } | undefined)?.object;
    if (!object) return null;
    const account = typeof event.payload.account === 'string' ? event.payload.account : null;
    if (event.type === 'account.updated') return { kind: 'account', providerAccountId: String(object.id) };
    if (event.type.startsWith('payout.')) {
      return account ? { kind: 'payout', providerPayoutId: String(object.id), providerAccountId: account } : null;
    }
    const purchase = oneOffPaymentEvent(event, 'tip', 'tipId');
    if (!purchase) return null;
    return purchase.phase === 'checkout'
      ? {
          kind: 'tip-checkout',
          tipId: purchase.id,
          paymentIntentId: purchase.paymentIntentId,
          expired: purchase.expired,
        }
      : { kind: 'tip-payment', tipId: purchase.id, paymentIntentId: purchase.paymentIntentId };
  }
}

const refuse = refuseUnconfigured;

/** Production without Stripe keys: no payout accounts, no tips. */
export class UnavailableConnectProvider extends ConnectProvider {
  createExpressAccount = refuse;
  onboardingLink = refuse;
  retrieveAccount = refuse;
  setPayoutsHeld = refuse;
  createTipCheckout = refuse;
  retrieveTipPayment = refuse;
  transferReversed = refuse;
  reverseTransfer = refuse;
  createTransfer = refuse;
  retrievePayout = refuse;
  interpret(): null {
    return null;
  }
}
