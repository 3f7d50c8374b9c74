/** Test support for this folder's specs: an emulator on a loopback port, the real SDK pointed at it, a settable clock. */
import Stripe from 'stripe';
import type { Interval } from '../billing-math.js';
import { MemoryEmulatorStore } from '../store.js';
import { StripeEmulator } from '../emulator.js';
import { serveStripeEmulator, type StripeEmulatorServer } from '../http-server.js';
import type { EventObject } from '../objects/index.js';

export const DAY = 86_400;
export const CHECKOUT_BASE = 'http://127.0.0.1:3000/sandbox/checkout';
export const PORTAL_BASE = 'http://127.0.0.1:3000/sandbox/portal';

export function unix(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

export interface Harness {
  emulator: StripeEmulator;
  store: MemoryEmulatorStore;
  server: StripeEmulatorServer;
  stripe: Stripe;
  /** Moves the emulator's clock. */
  setNow(iso: string): void;
  now(): number;
  close(): Promise<void>;
}

export async function startHarness(startAt = '2026-01-01T00:00:00Z'): Promise<Harness> {
  let current = new Date(startAt);
  const store = new MemoryEmulatorStore();
  const emulator = new StripeEmulator({
    store,
    clock: () => current,
    checkoutPageBase: CHECKOUT_BASE,
    portalPageBase: PORTAL_BASE,
  });
  const server = await serveStripeEmulator(emulator);
  // No retries: a test should see the first answer.
  const stripe = new Stripe('sk_test_emulator', {
    host: server.host,
    port: server.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });
  return {
    emulator,
    store,
    server,
    stripe,
    setNow: (iso) => {
      current = new Date(iso);
    },
    now: () => emulator.now(),
    close: () => server.close(),
  };
}

export interface Subscribed {
  customer: Stripe.Customer;
  product: Stripe.Product;
  price: Stripe.Price;
  session: Stripe.Checkout.Session;
  subscription: Stripe.Subscription;
  events: EventObject[];
}

/** Catalog + checkout through the SDK, then the customer pays on the (simulated) Checkout page. */
export async function subscribe(
  h: Harness,
  options: { unitAmount?: number; interval?: Interval; trialDays?: number; productName?: string } = {},
): Promise<Subscribed> {
  const { stripe } = h;
  const customer = await stripe.customers.create({
    email: 'fan@example.com',
    name: 'A Fan',
    metadata: { userId: 'user-1' },
  });
  const product = await stripe.products.create({ name: options.productName ?? 'Gold', metadata: { planId: 'gold' } });
  const price = await newPrice(h, product.id, options.unitAmount ?? 1000, options.interval ?? 'month');
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    customer: customer.id,
    client_reference_id: 'user-1',
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: 'https://app.example/success',
    cancel_url: 'https://app.example/cancel',
    metadata: { userId: 'user-1' },
    subscription_data: {
      metadata: { planId: 'gold', userId: 'user-1' },
      ...(options.trialDays ? { trial_period_days: options.trialDays } : {}),
    },
  });
  const { events, result } = await h.emulator.completeCheckout(session.id, 'pay');
  const subscription = await stripe.subscriptions.retrieve(result.subscription!);
  return { customer, product, price, session, subscription, events };
}

export function newPrice(
  h: Harness,
  product: string,
  unitAmount: number,
  interval: Interval = 'month',
): Promise<Stripe.Price> {
  return h.stripe.prices.create({ product, unit_amount: unitAmount, currency: 'usd', recurring: { interval } });
}

export function types(events: Array<{ type: string }>): string[] {
  return events.map((event) => event.type);
}

/** The rejection of `promise`, failing the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
