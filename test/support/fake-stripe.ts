import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import {
  MemoryEmulatorStore,
  StripeEmulator,
  serveStripeEmulator,
  signWebhookPayload,
  type RecordedRequest,
} from '@lib/stripe-emulator';

export interface FakeStripe {
  url: string;
  host: string;
  port: number;
  emulator: StripeEmulator;
  requests: RecordedRequest[];
  /** The real SDK pointed at this server. */
  client(): Stripe;
  /** Env vars that make our app use this fake: STRIPE_SECRET_KEY, STRIPE_API_HOST, STRIPE_API_PORT, STRIPE_API_PROTOCOL, STRIPE_WEBHOOK_SECRET */
  env: Record<string, string>;
  /** Every event the emulator generated, in order. */
  events: Stripe.Event[];
  /** POSTs events to a webhook URL, signed, one by one in the given order; returns the HTTP statuses. */
  deliver(
    webhookUrl: string,
    events: Stripe.Event[],
    options?: { secret?: string; timestamp?: number },
  ): Promise<number[]>;
  close(): Promise<void>;
}

export interface FakeStripeOptions {
  /** The emulator's clock (timestamps, periods, prorations); the system clock by default. */
  clock?: () => Date;
  checkoutPageBase?: string;
  portalPageBase?: string;
  /** Signs deliveries; `whsec_test_` + random by default. */
  webhookSecret?: string;
}

/** A Stripe API emulator on a loopback port with an in-memory store, for tests. */
export async function startFakeStripe(options: FakeStripeOptions = {}): Promise<FakeStripe> {
  const secretKey = `sk_test_fake_${randomBytes(12).toString('hex')}`;
  const webhookSecret = options.webhookSecret ?? `whsec_test_${randomBytes(16).toString('hex')}`;
  const emulator = new StripeEmulator({
    store: new MemoryEmulatorStore(),
    clock: options.clock,
    checkoutPageBase: options.checkoutPageBase ?? 'https://checkout.fake-stripe.test/pay',
    portalPageBase: options.portalPageBase ?? 'https://billing.fake-stripe.test/session',
    invoicePageBase: 'https://invoice.fake-stripe.test/i',
  });
  const events: Stripe.Event[] = [];
  emulator.onEvents((generated) => {
    events.push(...(generated as unknown as Stripe.Event[]));
  });
  const server = await serveStripeEmulator(emulator, { host: '127.0.0.1', port: 0 });

  return {
    url: server.url,
    host: server.host,
    port: server.port,
    emulator,
    requests: server.requests,
    events,
    env: {
      STRIPE_SECRET_KEY: secretKey,
      STRIPE_API_HOST: server.host,
      STRIPE_API_PORT: String(server.port),
      STRIPE_API_PROTOCOL: 'http',
      STRIPE_WEBHOOK_SECRET: webhookSecret,
    },
    client: () => new Stripe(secretKey, { host: server.host, port: server.port, protocol: 'http', telemetry: false }),
    deliver: (webhookUrl, toDeliver, deliverOptions = {}) =>
      deliverEvents(webhookUrl, toDeliver, deliverOptions.secret ?? webhookSecret, deliverOptions.timestamp),
    close: () => server.close(),
  };
}

/** POSTs each event as Stripe does (pretty-printed JSON, Stripe-Signature), waiting for each answer before the next. */
async function deliverEvents(
  webhookUrl: string,
  events: Stripe.Event[],
  secret: string,
  timestamp?: number,
): Promise<number[]> {
  const statuses: number[] = [];
  for (const event of events) {
    const payload = JSON.stringify(event, null, 2);
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'stripe-signature': signWebhookPayload(payload, secret, timestamp),
      },
      body: payload,
    });
    await response.arrayBuffer(); // drain, so the connection is free for the next delivery
    statuses.push(response.status);
  }
  return statuses;
}
