import { createHmac } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '@config';
import { ReceiveWebhookCommand } from '../../application/commands/receive-webhook/receive-webhook.command.js';
import { ReceiveWebhookHandler } from '../../application/commands/receive-webhook/receive-webhook.handler.js';
import { serveStripeEmulator, signWebhookPayload, StripeEmulator } from '@lib/stripe-emulator';
import { StripeMeteredBilling } from '../stripe/stripe-metered-billing.js';
import { StripeConnectProvider } from '../stripe/stripe-connect-provider.js';
import { StripeGiftProvider } from '../stripe/stripe-gift-provider.js';
import { StripePaymentProvider } from '../stripe/stripe-payment-provider.js';
import { PortalAccessTokens } from './portal-access-tokens.js';
import { PostgresEmulatorStore } from './postgres-emulator-store.js';

const SANDBOX_SECRET_KEY = 'sk_test_sandbox';

/**
 * The sandbox payment provider for local runs: a Stripe emulator served on a private loopback port,
 * reached through the real Stripe SDK and adapter; the events it generates are signed and enter the
 * same webhook pipeline as Stripe's. Never started in production.
 */
export class SandboxHost implements OnModuleDestroy {
  private constructor(
    readonly emulator: StripeEmulator | null,
    private readonly server: { host: string; port: number; close(): Promise<void> } | null,
    readonly webhookSecret: string,
  ) {}

  static async start(config: AppConfig, orm: MikroORM): Promise<SandboxHost> {
    if (config.billing.provider !== 'sandbox') return new SandboxHost(null, null, '');
    const emulator = new StripeEmulator({
      store: new PostgresEmulatorStore(orm),
      checkoutPageBase: `${config.urls.public}/sandbox/checkout`,
      portalPageBase: `${config.urls.public}/sandbox/portal`,
    });
    const server = await serveStripeEmulator(emulator, { host: '127.0.0.1', port: 0 });
    // Derived from the process secret: stable across the API and the worker, unknown outside.
    const webhookSecret = `whsec_${createHmac('sha256', config.auth.jwtSecret).update('billing-sandbox-webhooks').digest('hex')}`;
    return new SandboxHost(emulator, server, webhookSecret);
  }

  get enabled(): boolean {
    return this.emulator !== null;
  }

  /** How Stripe's client reaches the emulator. */
  private connection() {
    if (!this.server) throw new Error('the sandbox is not running');
    return { secretKey: SANDBOX_SECRET_KEY, host: this.server.host, port: this.server.port, protocol: 'http' as const };
  }

  /** Stripe Connect on the emulator (tips, payout accounts, payouts). */
  connectProvider(): StripeConnectProvider {
    return new StripeConnectProvider(this.connection());
  }

  /** Gift purchases and refunds on the emulator. */
  giftProvider(): StripeGiftProvider {
    return new StripeGiftProvider(this.connection());
  }

  /** Billing Meters on the emulator (overage; docs/adr/0057). */
  meteredBilling(): StripeMeteredBilling {
    return new StripeMeteredBilling(this.connection());
  }

  paymentProvider(portalTokens: PortalAccessTokens): StripePaymentProvider {
    return new SandboxPaymentProvider(
      { ...this.connection(), webhookSecret: this.webhookSecret, webhookToleranceSeconds: 300 },
      portalTokens,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.server?.close();
  }
}

/** Stripe's adapter on the emulator; the portal link it hands out carries the first one-time token (only the signed-in owner gets it). */
class SandboxPaymentProvider extends StripePaymentProvider {
  constructor(
    connection: ConstructorParameters<typeof StripePaymentProvider>[0],
    private readonly portalTokens: PortalAccessTokens,
  ) {
    super(connection);
  }

  override async createPortalSession(providerCustomerId: string, returnUrl: string): Promise<string> {
    const url = new URL(await super.createPortalSession(providerCustomerId, returnUrl));
    const portalSessionId = decodeURIComponent(url.pathname.split('/').pop()!);
    url.searchParams.set('token', await this.portalTokens.issue(portalSessionId));
    return url.toString();
  }
}

/** Delivers the emulator's events, signed, to the webhook pipeline (as Stripe would POST them). */
@Injectable()
export class SandboxEventForwarder implements OnApplicationBootstrap {
  private readonly logger = new Logger('SandboxPayments');

  constructor(
    private readonly sandbox: SandboxHost,
    // The handler itself, not the command bus: events also happen during boot (plan sync), before the bus has handlers.
    private readonly receive: ReceiveWebhookHandler,
  ) {}

  onApplicationBootstrap(): void {
    this.sandbox.emulator?.onEvents(async (events: Array<{ id: string }>) => {
      for (const event of events) {
        const payload = JSON.stringify(event);
        await this.receive
          .execute(
            new ReceiveWebhookCommand(Buffer.from(payload), signWebhookPayload(payload, this.sandbox.webhookSecret)),
          )
          .catch((error: unknown) =>
            this.logger.error({ err: error, eventId: event.id }, 'sandbox event not delivered'),
          );
      }
    });
  }
}
