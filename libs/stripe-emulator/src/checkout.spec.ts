import Stripe from 'stripe';
import {
  CHECKOUT_BASE,
  DAY,
  PORTAL_BASE,
  newPrice,
  rejectionOf,
  startHarness,
  subscribe,
  types,
  unix,
  type Harness,
} from './testing/index.js';

describe('catalog and Checkout through the real Stripe SDK', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness('2026-01-01T00:00:00Z');
  });
  afterEach(() => h.close());

  it('creates customers, products and prices shaped like Stripe’s, with metadata kept as strings', async () => {
    const customer = await h.stripe.customers.create({
      email: 'fan@example.com',
      name: 'A Fan',
      metadata: { userId: '42' },
    });
    expect(customer).toMatchObject({
      object: 'customer',
      email: 'fan@example.com',
      name: 'A Fan',
      metadata: { userId: '42' },
      balance: 0,
      livemode: false,
    });
    expect(customer.id).toMatch(/^cus_[A-Za-z0-9]{24}$/);

    const product = await h.stripe.products.create({
      name: 'Gold',
      description: 'All videos',
      metadata: { planId: 'gold' },
    });
    expect(product).toMatchObject({
      object: 'product',
      name: 'Gold',
      active: true,
      description: 'All videos',
      created: unix('2026-01-01T00:00:00Z'),
    });

    const price = await h.stripe.prices.create({
      product: product.id,
      unit_amount: 1500,
      currency: 'USD',
      recurring: { interval: 'year' },
      lookup_key: 'gold_yearly',
      nickname: 'Gold yearly',
      metadata: { interval: 'year' },
    });
    expect(price).toMatchObject({
      object: 'price',
      product: product.id,
      unit_amount: 1500,
      currency: 'usd',
      type: 'recurring',
      active: true,
      lookup_key: 'gold_yearly',
      nickname: 'Gold yearly',
      recurring: { interval: 'year', interval_count: 1, usage_type: 'licensed' },
    });
    expect(String(price.unit_amount_decimal)).toBe('1500'); // the SDK turns the decimal string into its Decimal

    const archived = await h.stripe.prices.update(price.id, { active: false, metadata: { interval: '', note: 'old' } });
    expect(archived).toMatchObject({ active: false, metadata: { note: 'old' } });
    const monthly = await newPrice(h, product.id, 150);
    expect((await h.stripe.prices.list({ product: product.id, active: true })).data.map((p) => p.id)).toEqual([
      monthly.id,
    ]);
    expect((await h.stripe.prices.list({ lookup_keys: ['gold_yearly'] })).data.map((p) => p.id)).toEqual([price.id]);
  });

  it('opens a Checkout Session whose url is the sandbox page, then completes it into a paid subscription', async () => {
    const { customer, price, session, subscription, events } = await subscribe(h, { unitAmount: 1500 });

    expect(session).toMatchObject({
      object: 'checkout.session',
      url: `${CHECKOUT_BASE}/${session.id}`,
      status: 'open',
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: 'user-1',
      metadata: { userId: 'user-1' },
      subscription: null,
      payment_status: 'unpaid',
      success_url: 'https://app.example/success',
      cancel_url: 'https://app.example/cancel',
      amount_total: 1500,
      currency: 'usd',
      expires_at: unix('2026-01-02T00:00:00Z'),
    });
    expect(session.id).toMatch(/^cs_test_/);

    expect(types(events)).toEqual([
      'customer.subscription.created',
      'invoice.created',
      'invoice.finalized',
      'invoice.paid',
      'invoice.payment_succeeded',
      'checkout.session.completed',
    ]);
    expect(events.map((event) => event.data.object.object)).toEqual([
      'subscription',
      'invoice',
      'invoice',
      'invoice',
      'invoice',
      'checkout.session',
    ]);
    expect(events.map((event) => event.data.object.status)).toEqual([
      'active',
      'draft',
      'open',
      'paid',
      'paid',
      'complete',
    ]);
    expect(events[0]).toMatchObject({
      object: 'event',
      api_version: '2026-10-28.endive',
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    });

    const start = unix('2026-01-01T00:00:00Z');
    expect(subscription).toMatchObject({
      object: 'subscription',
      customer: customer.id,
      status: 'active',
      metadata: { planId: 'gold', userId: 'user-1' },
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
      ended_at: null,
      trial_start: null,
      trial_end: null,
      pause_collection: null,
      billing_cycle_anchor: start,
      start_date: start,
      currency: 'usd',
      livemode: false,
      cancellation_details: { comment: null, feedback: null, reason: null },
    });
    const [item] = subscription.items.data;
    expect(item).toMatchObject({
      object: 'subscription_item',
      quantity: 1,
      current_period_start: start,
      current_period_end: unix('2026-02-01T00:00:00Z'),
      subscription: subscription.id,
      price: { id: price.id, object: 'price', unit_amount: 1500, recurring: { interval: 'month' } },
    });
    expect(item.id).toMatch(/^si_/);

    const invoice = await h.stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(invoice).toMatchObject({
      object: 'invoice',
      customer: customer.id,
      status: 'paid',
      billing_reason: 'subscription_create',
      amount_due: 1500,
      amount_paid: 1500,
      amount_remaining: 0,
      total: 1500,
      subtotal: 1500,
      attempt_count: 1,
      attempted: true,
      next_payment_attempt: null,
      parent: {
        type: 'subscription_details',
        subscription_details: { subscription: subscription.id, metadata: { planId: 'gold', userId: 'user-1' } },
      },
      status_transitions: { finalized_at: start, paid_at: start, voided_at: null, marked_uncollectible_at: null },
    });
    expect(invoice.number).toMatch(/^[0-9A-Z]{8}-0001$/);
    expect(invoice.hosted_invoice_url).toBe(`http://127.0.0.1:3000/sandbox/invoices/${invoice.id}`);
    expect(invoice.lines.data).toHaveLength(1);
    expect(invoice.lines.data[0]).toMatchObject({
      object: 'line_item',
      amount: 1500,
      description: '1 × Gold (at $15.00 / month)',
      period: { start, end: unix('2026-02-01T00:00:00Z') },
      pricing: { price_details: { price: price.id, product: price.product } },
      parent: {
        type: 'subscription_item_details',
        subscription_item_details: { subscription: subscription.id, subscription_item: item.id, proration: false },
      },
    });

    const payments = await h.stripe.invoicePayments.list({ invoice: invoice.id });
    expect(payments.object).toBe('list');
    expect(payments.data).toHaveLength(1);
    expect(payments.data[0]).toMatchObject({
      object: 'invoice_payment',
      invoice: invoice.id,
      amount_paid: 1500,
      currency: 'usd',
      status: 'paid',
      status_transitions: { paid_at: start },
    });
    const intent = await h.stripe.paymentIntents.retrieve(payments.data[0].payment.payment_intent as string);
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 1500,
      status: 'succeeded',
      customer: customer.id,
    });
    const charge = await h.stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 1500,
      amount_captured: 1500,
      amount_refunded: 0,
      paid: true,
      status: 'succeeded',
      refunded: false,
      disputed: false,
      payment_intent: intent.id,
    });

    const completed = await h.stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      subscription: subscription.id,
      invoice: invoice.id,
      url: null,
    });

    const stored = await h.stripe.events.retrieve(events[5].id);
    expect(stored).toEqual(JSON.parse(JSON.stringify(events[5])));
    await expect(h.emulator.completeCheckout(session.id, 'pay')).rejects.toThrow(/only open sessions/);
  });

  it('starts a trial without charging: trialing, a zero invoice, no payment objects', async () => {
    const { session, subscription, events } = await subscribe(h, { unitAmount: 1500, trialDays: 14 });
    const now = unix('2026-01-01T00:00:00Z');
    expect(session.amount_total).toBe(0);
    expect(subscription).toMatchObject({
      status: 'trialing',
      trial_start: now,
      trial_end: now + 14 * DAY,
      billing_cycle_anchor: now + 14 * DAY,
    });
    expect(subscription.items.data[0]).toMatchObject({ current_period_start: now, current_period_end: now + 14 * DAY });
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('no_payment_required');
    const invoice = await h.stripe.invoices.retrieve(subscription.latest_invoice as string);
    expect(invoice).toMatchObject({
      status: 'paid',
      amount_due: 0,
      amount_paid: 0,
      billing_reason: 'subscription_create',
    });
    expect(invoice.lines.data[0]).toMatchObject({ amount: 0, description: 'Trial period for Gold' });
    expect((await h.stripe.invoicePayments.list({ invoice: invoice.id })).data).toEqual([]);
    expect(types(events)).toContain('invoice.payment_succeeded');
  });

  it('creates the customer on completion when the session had none', async () => {
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await newPrice(h, product.id, 500);
    const session = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer_email: 'new@example.com',
      line_items: [{ price: price.id, quantity: 1 }],
    });
    const { result, events } = await h.emulator.completeCheckout(session.id, 'pay');
    expect(types(events)[0]).toBe('customer.created');
    const customer = await h.stripe.customers.retrieve(result.customer!);
    expect(customer).toMatchObject({ email: 'new@example.com' });
  });

  it('expires a session the customer declines, with no subscription', async () => {
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await newPrice(h, product.id, 500);
    const customer = await h.stripe.customers.create({ email: 'fan@example.com' });
    const session = await h.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: price.id, quantity: 1 }],
    });
    const { result, events } = await h.emulator.completeCheckout(session.id, 'decline');
    expect(types(events)).toEqual(['checkout.session.expired']);
    expect(result).toMatchObject({ status: 'expired', subscription: null, url: null });
    expect((await h.stripe.subscriptions.list({ customer: customer.id, status: 'all' })).data).toEqual([]);
  });

  it('rejects unknown and archived prices like Stripe (400 invalid_request_error naming the parameter)', async () => {
    const product = await h.stripe.products.create({ name: 'Gold' });
    const price = await newPrice(h, product.id, 500);
    await h.stripe.prices.update(price.id, { active: false });

    const unknown = await rejectionOf(
      h.stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: 'price_nope', quantity: 1 }] }),
    );
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknown).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'line_items[0][price]',
      message: "No such price: 'price_nope'",
    });

    const archived = await rejectionOf(
      h.stripe.checkout.sessions.create({ mode: 'subscription', line_items: [{ price: price.id, quantity: 1 }] }),
    );
    expect(archived).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(archived).toMatchObject({ statusCode: 400, param: 'line_items[0][price]' });
    expect(archived.message).toMatch(/inactive/);
  });

  it('opens billing portal sessions at the portal page', async () => {
    const customer = await h.stripe.customers.create({ email: 'fan@example.com' });
    const portal = await h.stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://app.example/account',
    });
    expect(portal).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: 'https://app.example/account',
      url: `${PORTAL_BASE}/${portal.id}`,
    });
    expect(portal.id).toMatch(/^bps_/);
    const missing = await rejectionOf(h.stripe.billingPortal.sessions.create({ customer: 'cus_nope' }));
    expect(missing).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
  });
});
