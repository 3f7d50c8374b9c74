import type Stripe from 'stripe';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { eventually, type TestApp } from '@lib/platform/testing';
import { BillingMaintenance } from '../../../libs/billing/src/application/webhooks/billing-maintenance.js';
import { BILLING_MAINTENANCE_QUEUE } from '../../../libs/billing/src/application/webhooks/webhook-queue.js';
import type { FakeStripe } from '../../support/fake-stripe.js';
import {
  planBecomes,
  sql,
  startBillingOnFakeStripe,
  subscribe,
  webhooksSettle,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { withScheduleHeld } from '../../support/interactions.js';
import { registerUser } from '../../support/showrunner.js';

describe('subscription lifecycle: pause, disputes, the maintenance sweep, lapsed grace periods', () => {
  let billing: BillingOnFakeStripe;
  let fake: FakeStripe;
  let app: TestApp;
  const sweep = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(BillingMaintenance).run());

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    ({ fake, app } = billing);
  });
  afterAll(() => billing.close());

  it('pauses (no paid access, no billing) and resumes (access again)', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'creator-plus');
    const paused = await app.request('POST', '/v1/billing/subscription/pause', { token: user.tokens.accessToken });
    expect(paused.status).toBe(200);
    expect(paused.body.status).toBe('paused');
    await planBecomes(app, user, 'free');
    const again = await app.request('POST', '/v1/billing/subscription/pause', { token: user.tokens.accessToken });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('billing.subscription.invalid-state');
    const resumed = await app.request('POST', '/v1/billing/subscription/resume', { token: user.tokens.accessToken });
    expect(resumed.status).toBe(200);
    expect(resumed.body.status).toBe('active');
    await planBecomes(app, user, 'creator-plus');
  });

  it('takes back a cancellation scheduled for the period end', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'creator-plus');
    await app.request('POST', '/v1/billing/subscription/cancel', {
      token: user.tokens.accessToken,
      body: { reason: 'unused' },
    });
    const resumed = await app.request('POST', '/v1/billing/subscription/resume', { token: user.tokens.accessToken });
    expect(resumed.body).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });
  });

  it('refuses self-service on a subscription that does not exist (404) and unknown fields (400)', async () => {
    const user = await registerUser(app);
    const none = await app.request('POST', '/v1/billing/subscription/cancel', {
      token: user.tokens.accessToken,
      body: {},
    });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('billing.subscription.none');
    const unknown = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'month', price: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation.failed');
    const badInterval = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'week' },
    });
    expect(badInterval.status).toBe(400);
    const freePlan = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'free', interval: 'month' },
    });
    expect(freePlan.status).toBe(409);
    expect(freePlan.body.code).toBe('billing.plan.not-for-sale');
  });

  it('flags a disputed payment', async () => {
    const user = await registerUser(app);
    const { subscriptionId } = await subscribe(app, fake, user, 'creator-plus');
    const stripe = fake.client();
    const invoice = (await stripe.subscriptions.retrieve(subscriptionId)).latest_invoice as string;
    const [paid] = (await stripe.invoicePayments.list({ invoice })).data;
    const intent = await stripe.paymentIntents.retrieve(paid.payment.payment_intent as string);
    const dispute = await fake.emulator.createDispute(intent.latest_charge as string, 'fraudulent');
    await fake.deliver(webhookUrl(app), dispute.events as unknown as Stripe.Event[]);
    await eventually(async () => {
      const payments = await app.request('GET', '/v1/billing/payments', { token: user.tokens.accessToken });
      expect(payments.body.items[0].disputed).toBe(true);
    });
  });

  it('processes a stored event whose job was lost, on the next sweep', async () => {
    const user = await registerUser(app);
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'creator-plus', interval: 'month' },
    });
    const paid = await fake.emulator.completeCheckout(checkout.body.sessionId, 'pay');
    const created = paid.events.find((event) => event.type === 'customer.subscription.created')!;
    // As if the API had crashed between storing the event and enqueueing its job.
    // The minute's sweep is held, or it may requeue the event before this one counts it.
    await withScheduleHeld(app, BILLING_MAINTENANCE_QUEUE, async () => {
      await sql(
        app,
        `insert into billing.webhook_events (id, provider, provider_event_id, type, payload, provider_created_at, provider_customer_id, status, attempts, received_at)
         values (gen_random_uuid(), 'stripe', ?, ?, ?::jsonb, now(), ?, 'received', 0, now() - interval '2 minutes')`,
        [
          created.id,
          created.type,
          JSON.stringify(created),
          (created.data.object as unknown as { customer: string }).customer,
        ],
      );
      expect((await sweep()).requeued).toBeGreaterThanOrEqual(1);
    });
    await planBecomes(app, user, 'creator-plus');
  });

  it('ends the grace period of an unpaid subscription on the sweep, announcing the change of entitlements', async () => {
    const user = await registerUser(app);
    const { subscriptionId } = await subscribe(app, fake, user, 'creator-plus');
    const customer = (await fake.client().subscriptions.retrieve(subscriptionId)).customer as string;
    await fake.emulator.setPaymentOutcome(customer, 'decline');
    await fake.deliver(
      webhookUrl(app),
      (await fake.emulator.renew(subscriptionId)).events as unknown as Stripe.Event[],
    );
    await webhooksSettle(app);
    await eventually(async () => {
      const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
      expect(overview.body.subscription.status).toBe('past_due');
    });
    // Eight days later (the grace period is seven). The minute's sweep is held, or it may lapse it before this one counts it.
    await withScheduleHeld(app, BILLING_MAINTENANCE_QUEUE, async () => {
      await sql(app, `update billing.subscriptions set past_due_since = now() - interval '8 days' where user_id = ?`, [
        user.user.id,
      ]);
      await sql(app, `update billing.entitlement_grants set valid_until = now() - interval '1 day' where user_id = ?`, [
        user.user.id,
      ]);
      expect((await sweep()).lapsed).toBeGreaterThanOrEqual(1);
    });
    await planBecomes(app, user, 'free');
    const changes = await sql<{ payload: Record<string, unknown> }>(
      app,
      `select payload from platform.outbox where type = 'billing.entitlements-changed.v1' and payload->>'userId' = ? order by occurred_at`,
      [user.user.id],
    );
    expect(changes.at(-1)!.payload).toMatchObject({
      previousPlanId: 'creator-plus',
      planId: 'free',
      entitlements: { analytics: 'none', episodes_per_month: 2 },
    });
  });
});

describe('revenue metrics from billing’s own MRR ledger', () => {
  let billing: BillingOnFakeStripe;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
  });
  afterAll(() => billing.close());

  it('adds up new, expansion and churned MRR (yearly prices over 12 months), subscribers, ARPU', async () => {
    const { app, fake, adminToken } = billing;
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const monthly = await registerUser(app);
    const yearly = await registerUser(app);
    await subscribe(app, fake, monthly, 'creator-plus', 'month'); // +999 new
    await subscribe(app, fake, yearly, 'studio-pro', 'year'); // +29990/12 = 2499 new
    await app.request('POST', '/v1/billing/subscription/change', {
      token: monthly.tokens.accessToken,
      body: { planId: 'studio-pro', interval: 'month' },
    }); // 999 → 2999: +2000 expansion
    await app.request('POST', '/v1/billing/subscription/cancel', {
      token: yearly.tokens.accessToken,
      body: { atPeriodEnd: false, reason: 'too_expensive' },
    }); // -2499 churn

    const member = await app.request('GET', `/v1/admin/billing/metrics?from=${from}&to=${to}`, {
      token: monthly.tokens.accessToken,
    });
    expect(member.status).toBe(403);
    const report = await app.request('GET', `/v1/admin/billing/metrics?from=${from}&to=${to}&interval=day`, {
      token: adminToken,
    });
    expect(report.status).toBe(200);
    const [usd] = report.body.currencies;
    expect(usd.currency).toBe('usd');
    expect(usd.summary).toMatchObject({
      startingMrr: 0,
      newMrr: 999 + 2_499,
      expansionMrr: 2_000,
      contractionMrr: 0,
      churnedMrr: 2_499,
      endingMrr: 2_999,
      endingSubscribers: 1,
      churnedSubscribers: 1,
      arpu: 2_999,
    });
    expect(usd.buckets.at(-1)).toMatchObject({ mrr: 2_999, subscribersByPlan: { 'studio-pro': 1 } });

    const reversed = await app.request('GET', `/v1/admin/billing/metrics?from=${to}&to=${from}`, { token: adminToken });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('billing.metrics.invalid-range');
    const notADate = await app.request('GET', `/v1/admin/billing/metrics?from=yesterday&to=${to}`, {
      token: adminToken,
    });
    expect(notADate.status).toBe(400);
  });
});
