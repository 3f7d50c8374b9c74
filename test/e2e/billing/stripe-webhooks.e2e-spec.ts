import type Stripe from 'stripe';
import type { TestApp } from '@lib/platform/testing';
import { eventually } from '@lib/platform/testing';
import { signWebhookPayload } from '@lib/stripe-emulator';
import type { FakeStripe } from '../../support/fake-stripe.js';
import {
  planBecomes,
  sql,
  startBillingOnFakeStripe,
  webhooksSettle,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { registerUser } from '../../support/showrunner.js';

/** Counts of what one subscription's webhooks produced, to prove "exactly one effect". */
async function effectsOf(app: TestApp, userId: string) {
  const [row] = await sql<{
    subscriptions: number;
    invoices: number;
    payments: number;
    activations: number;
    movements: number;
  }>(
    app,
    `select
       (select count(*)::int from billing.subscriptions where user_id = ?) as subscriptions,
       (select count(*)::int from billing.invoices where user_id = ?) as invoices,
       (select count(*)::int from billing.payments where user_id = ?) as payments,
       (select count(*)::int from platform.outbox where type = 'billing.subscription-activated.v1' and payload->>'userId' = ?) as activations,
       (select count(*)::int from billing.mrr_movements where user_id = ?) as movements`,
    [userId, userId, userId, userId, userId],
  );
  return row;
}

describe('Stripe webhooks: verified on the raw body, stored first, applied once, in any order', () => {
  let fake: FakeStripe;
  let app: TestApp;
  let adminToken: string;
  let billing: BillingOnFakeStripe;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    ({ fake, app, adminToken } = billing);
  });
  afterAll(() => billing.close());

  /** A paid checkout whose events have not been delivered yet. */
  async function paidCheckout(planId = 'creator-plus') {
    const user = await registerUser(app);
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId, interval: 'month' },
    });
    const paid = await fake.emulator.completeCheckout(checkout.body.sessionId, 'pay');
    return {
      user,
      events: paid.events as unknown as Stripe.Event[],
      subscriptionId: paid.result.subscription as string,
    };
  }

  async function storedCount(eventId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(
      app,
      `select count(*)::int as n from billing.webhook_events where provider_event_id = ?`,
      [eventId],
    );
    return row.n;
  }

  function post(payload: string, signature?: string) {
    return app.request('POST', '/v1/billing/webhooks/stripe', {
      rawBody: payload,
      headers: signature ? { 'stripe-signature': signature } : {},
    });
  }

  describe('signatures', () => {
    const secret = () => fake.env.STRIPE_WEBHOOK_SECRET;
    let event: Stripe.Event;
    let payload: string;

    beforeAll(async () => {
      event = (await paidCheckout()).events[0]!;
      payload = JSON.stringify(event, null, 2);
    });

    it('refuses a missing signature with 400 and stores nothing', async () => {
      const answer = await post(payload);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('billing.webhook.invalid-signature');
      expect(await storedCount(event.id)).toBe(0);
    });

    it('refuses a body changed by one byte', async () => {
      const answer = await post(
        payload.replace('"livemode": false', '"livemode": true '),
        signWebhookPayload(payload, secret()),
      );
      expect(answer.status).toBe(400);
      expect(await storedCount(event.id)).toBe(0);
    });

    it('refuses a body re-serialised from the parsed JSON (the raw bytes are what is signed)', async () => {
      const answer = await post(JSON.stringify(JSON.parse(payload)), signWebhookPayload(payload, secret()));
      expect(answer.status).toBe(400);
    });

    it('refuses a signature older than the 300 s tolerance, and one made with another secret', async () => {
      const old = Math.floor(Date.now() / 1_000) - 301;
      expect((await post(payload, signWebhookPayload(payload, secret(), old))).status).toBe(400);
      expect((await post(payload, signWebhookPayload(payload, 'whsec_someone_else'))).status).toBe(400);
      expect(await storedCount(event.id)).toBe(0);
    });

    it('accepts a header carrying several v1 signatures when one is valid (secret rotation)', async () => {
      const valid = signWebhookPayload(payload, secret());
      const rotated = valid.replace(/v1=/, `v1=${'0'.repeat(64)},v1=`);
      const answer = await post(payload, rotated);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ received: true, duplicate: false });
      expect(await storedCount(event.id)).toBe(1);
    });
  });

  it('applies the same event delivered 5 times at once and 5 times in a row exactly once', async () => {
    const { user, events } = await paidCheckout();
    const created = events.find((event) => event.type === 'customer.subscription.created')!;
    const paid = events.find((event) => event.type === 'invoice.paid')!;
    const storm = await Promise.all(Array.from({ length: 5 }, () => fake.deliver(webhookUrl(app), [created, paid])));
    expect(storm.flat()).toEqual(Array(10).fill(200));
    for (let i = 0; i < 5; i += 1) expect(await fake.deliver(webhookUrl(app), [created, paid])).toEqual([200, 200]);
    await planBecomes(app, user, 'creator-plus');
    await webhooksSettle(app);
    expect(await storedCount(created.id)).toBe(1);
    expect(await effectsOf(app, user.user.id)).toEqual({
      subscriptions: 1,
      invoices: 1,
      payments: 1,
      activations: 1,
      movements: 1,
    });
  });

  it('ends in Stripe’s state when a checkout’s events arrive in reverse order', async () => {
    const { user, events } = await paidCheckout();
    expect(await fake.deliver(webhookUrl(app), [...events].reverse())).toEqual(events.map(() => 200));
    const overview = await planBecomes(app, user, 'creator-plus');
    expect(overview.subscription.status).toBe('active');
    await webhooksSettle(app);
    expect(await effectsOf(app, user.user.id)).toEqual({
      subscriptions: 1,
      invoices: 1,
      payments: 1,
      activations: 1,
      movements: 1,
    });
  });

  it('never moves a subscription back when an older update arrives after a newer one', async () => {
    const { user, events, subscriptionId } = await paidCheckout();
    await fake.deliver(webhookUrl(app), events);
    await planBecomes(app, user, 'creator-plus');
    // Two later changes at Stripe: cancel at the period end, then take it back.
    const customer = fake.client();
    await customer.subscriptions.update(subscriptionId, { cancel_at_period_end: true });
    await customer.subscriptions.update(subscriptionId, { cancel_at_period_end: false });
    const [older, newer] = fake.events
      .filter((event) => event.type === 'customer.subscription.updated' && event.data.object.id === subscriptionId)
      .slice(-2);
    expect((older.data.object as Stripe.Subscription).cancel_at_period_end).toBe(true);
    await fake.deliver(webhookUrl(app), [newer, older]);
    await webhooksSettle(app);
    const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(overview.body.subscription.cancelAtPeriodEnd).toBe(false);
    const outcomes = await sql<{ outcome: string }>(
      app,
      `select outcome from billing.webhook_events where provider_event_id = ?`,
      [older.id],
    );
    expect(outcomes[0].outcome).toMatch(/^(stale-refetched|unchanged)/);
  });

  it('reconciles a checkout completion that arrives before any subscription event', async () => {
    const { user, events } = await paidCheckout();
    const completed = events.find((event) => event.type === 'checkout.session.completed')!;
    await fake.deliver(webhookUrl(app), [completed]);
    await planBecomes(app, user, 'creator-plus');
    const [row] = await sql<{ outcome: string }>(
      app,
      `select outcome from billing.webhook_events where provider_event_id = ?`,
      [completed.id],
    );
    expect(row.outcome).toBe('completed-reconciled');
  });

  it('stores, acknowledges and ignores an event type billing does not handle', async () => {
    const event = {
      ...(await paidCheckout()).events[0],
      id: `evt_unknown_${Date.now()}`,
      type: 'customer.tax_id.created',
    } as unknown as Stripe.Event;
    expect(await fake.deliver(webhookUrl(app), [event])).toEqual([200]);
    await eventually(async () => {
      const [row] = await sql<{ status: string; outcome: string }>(
        app,
        `select status, outcome from billing.webhook_events where provider_event_id = ?`,
        [event.id],
      );
      expect(row).toEqual({ status: 'ignored', outcome: 'unhandled-type' });
    });
  });

  it('flags an event for an unknown customer as unresolved, lists it for admins, and applies it once the customer is known', async () => {
    // A customer and checkout made directly at Stripe (its dashboard, another integration): nothing links them to a user yet.
    const user = await registerUser(app);
    const stripe = fake.client();
    const customer = await stripe.customers.create({ email: 'outside@example.com' });
    const [price] = (await stripe.prices.list({ limit: 100 })).data.filter(
      (candidate) => candidate.metadata.planId === 'creator-plus' && candidate.recurring?.interval === 'month',
    );
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      client_reference_id: user.user.id,
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: 'https://example.com/ok',
    });
    const events = (await fake.emulator.completeCheckout(session.id, 'pay')).events as unknown as Stripe.Event[];
    const paid = events.find((event) => event.type === 'invoice.paid')!;
    expect(await fake.deliver(webhookUrl(app), [paid])).toEqual([200]);
    await eventually(async () => {
      const listed = await app.request('GET', '/v1/admin/billing/webhooks?status=unresolved', { token: adminToken });
      expect(listed.body.items.map((item: { providerEventId: string }) => item.providerEventId)).toContain(paid.id);
    });
    const [stored] = (
      await app.request('GET', '/v1/admin/billing/webhooks?status=unresolved', { token: adminToken })
    ).body.items.filter((item: { providerEventId: string }) => item.providerEventId === paid.id);
    expect(stored.lastError).toMatch(/unknown customer/);
    expect(
      (await app.request('GET', '/v1/admin/billing/webhooks', { token: (await registerUser(app)).tokens.accessToken }))
        .status,
    ).toBe(403);

    // The checkout completion links the customer: the waiting invoice is applied without anyone's help.
    await fake.deliver(webhookUrl(app), [events.find((event) => event.type === 'checkout.session.completed')!]);
    await eventually(async () => {
      const [row] = await sql<{ status: string }>(
        app,
        `select status from billing.webhook_events where provider_event_id = ?`,
        [paid.id],
      );
      expect(row.status).toBe('processed');
    });
    expect((await effectsOf(app, user.user.id)).payments).toBe(1);

    // An admin replay of an applied event changes nothing.
    const replay = await app.request('POST', `/v1/admin/billing/webhooks/${stored.id}/replay`, { token: adminToken });
    expect(replay.status).toBe(202);
    await webhooksSettle(app);
    expect(await effectsOf(app, user.user.id)).toMatchObject({ invoices: 1, payments: 1 });
    expect(
      (
        await app.request('POST', `/v1/admin/billing/webhooks/0193f000-0000-7000-8000-000000000000/replay`, {
          token: adminToken,
        })
      ).status,
    ).toBe(404);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const answer = await post('{"id": "evt_1", ', 't=1,v1=abc');
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  });
});
