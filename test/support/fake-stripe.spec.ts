import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startFakeStripe, type FakeStripe } from './fake-stripe.js';

const verifier = new Stripe('sk_test_verifier');

describe('the fake Stripe for tests (test/support/fake-stripe)', () => {
  let fake: FakeStripe;
  afterEach(() => fake?.close());

  it('serves the emulator to the SDK, records requests and events, exposes env, and delivers signed events in order', async () => {
    fake = await startFakeStripe({ clock: () => new Date('2026-01-01T00:00:00Z'), webhookSecret: 'whsec_test_fixed' });
    expect(fake.env).toEqual({
      STRIPE_SECRET_KEY: expect.stringMatching(/^sk_test_/),
      STRIPE_API_HOST: '127.0.0.1',
      STRIPE_API_PORT: String(fake.port),
      STRIPE_API_PROTOCOL: 'http',
      STRIPE_WEBHOOK_SECRET: 'whsec_test_fixed',
    });
    const stripe = fake.client();
    const customer = await stripe.customers.create({ email: 'fan@example.com' });
    const product = await stripe.products.create({ name: 'Gold' });
    const price = await stripe.prices.create({
      product: product.id,
      unit_amount: 900,
      currency: 'usd',
      recurring: { interval: 'month' },
    });
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
    });
    expect(session.url).toBe(`https://checkout.fake-stripe.test/pay/${session.id}`);
    await fake.emulator.completeCheckout(session.id, 'pay');

    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v1/customers',
      'POST /v1/products',
      'POST /v1/prices',
      'POST /v1/checkout/sessions',
    ]);
    expect(fake.requests[3].params).toMatchObject({ line_items: [{ price: price.id, quantity: 1 }] });
    expect(fake.events.map((event) => event.type)).toEqual([
      'customer.created',
      'product.created',
      'price.created',
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
      'checkout.session.completed',
    ]);

    const received: Array<{ id: string; type: string }> = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        try {
          const event = verifier.webhooks.constructEvent(
            Buffer.concat(chunks),
            String(request.headers['stripe-signature']),
            fake.env.STRIPE_WEBHOOK_SECRET,
          );
          received.push({ id: event.id, type: event.type });
          response.writeHead(event.type === 'invoice.paid' ? 500 : 200).end();
        } catch {
          response.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/v1/webhooks/stripe`;
    try {
      const toDeliver = fake.events.slice(3);
      expect(await fake.deliver(url, toDeliver)).toEqual([200, 200, 200, 500, 200, 200]);
      expect(received).toEqual(toDeliver.map((event) => ({ id: event.id, type: event.type })));
      expect(await fake.deliver(url, toDeliver.slice(0, 1), { secret: 'whsec_wrong' })).toEqual([400]);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
