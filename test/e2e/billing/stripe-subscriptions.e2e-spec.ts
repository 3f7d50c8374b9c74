import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { TestApp } from '@lib/platform/testing';
import { eventually } from '@lib/platform/testing';
import type { FakeStripe } from '../../support/fake-stripe.js';
import {
  planBecomes,
  sql,
  startBillingOnFakeStripe,
  subscribe,
  syncPlans,
  webhooksSettle,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { registerUser, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel } from '../studio/studio-helpers.js';

describe('billing on Stripe (a local fake of its API, the real SDK): subscribe, change, cancel, refund', () => {
  let fake: FakeStripe;
  let app: TestApp;
  let adminToken: string;
  let billing: BillingOnFakeStripe;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    ({ fake, app, adminToken } = billing);
  });
  afterAll(() => billing.close());

  it('lists the default plans publicly, priced in minor units', async () => {
    const plans = await app.request('GET', '/v1/billing/plans');
    expect(plans.status).toBe(200);
    expect(plans.body.map((plan: { id: string }) => plan.id)).toEqual(['free', 'prime', 'creator-plus', 'studio-pro']);
    expect(plans.body[1]).toMatchObject({
      prices: [
        { interval: 'month', amount: 499, currency: 'usd' },
        { interval: 'year', amount: 4_990, currency: 'usd' },
      ],
    });
  });

  it('syncs plans to Stripe once: products and prices carry our plan ids, and a second sync creates nothing', async () => {
    const prices = await fake.client().prices.list({ limit: 100 });
    expect(prices.data).toHaveLength(6);
    expect(new Set(prices.data.map((price) => price.metadata.planId))).toEqual(
      new Set(['prime', 'creator-plus', 'studio-pro']),
    );
    const before = fake.requests.length;
    await syncPlans(app);
    expect(
      fake.requests.slice(before).filter((request) => request.method === 'POST' && request.path === '/v1/prices'),
    ).toHaveLength(0);
  });

  it('takes a user from Free to Prime: checkout, payment, webhooks, entitlements, invoice and payment', async () => {
    const user = await registerUser(app);
    const before = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(before.body).toMatchObject({ planId: 'free', subscription: null, entitlements: { ad_free: false } });

    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'month', attribution: { contentId: 'episode-42' } },
    });
    expect(checkout.status).toBe(201);
    expect(checkout.body.checkoutUrl).toContain(checkout.body.sessionId);
    const session = await fake.client().checkout.sessions.retrieve(checkout.body.sessionId);
    expect(session.client_reference_id).toBe(user.user.id);
    expect(session.metadata).toMatchObject({ userId: user.user.id, planId: 'prime', attr_contentId: 'episode-42' });

    const paid = await fake.emulator.completeCheckout(checkout.body.sessionId, 'pay');
    expect(await fake.deliver(webhookUrl(app), paid.events as unknown as Stripe.Event[])).toEqual(
      paid.events.map(() => 200),
    );
    const overview = await planBecomes(app, user, 'prime');
    expect(overview.entitlements).toMatchObject({ ad_free: true, library_items: 'unlimited' });
    expect(overview.subscription).toMatchObject({ planId: 'prime', interval: 'month', cancelAtPeriodEnd: false });
    // Prime has a 7-day trial for first-time subscribers: access now, no charge yet.
    expect(overview.subscription.status).toBe('trialing');
    await webhooksSettle(app);

    const invoices = await app.request('GET', '/v1/billing/invoices', { token: user.tokens.accessToken });
    expect(invoices.body.items).toHaveLength(1);
    expect(invoices.body.items[0]).toMatchObject({
      status: 'paid',
      amountPaid: 0,
      billingReason: 'subscription_create',
    });
    const [activated] = await sql<{ payload: { attribution: Record<string, string>; mrr: number } }>(
      app,
      `select payload from platform.outbox where type = 'billing.subscription-activated.v1' and payload->>'userId' = ?`,
      [user.user.id],
    );
    expect(activated.payload).toMatchObject({ attribution: { contentId: 'episode-42' }, mrr: 0 });

    // The trial ends and the card is charged: a real payment appears.
    const subscription = await fake.emulator.endTrial(paid.result.subscription as string);
    await fake.deliver(webhookUrl(app), subscription.events as unknown as Stripe.Event[]);
    await eventually(async () => {
      const payments = await app.request('GET', '/v1/billing/payments', { token: user.tokens.accessToken });
      expect(payments.body.items).toHaveLength(1);
      expect(payments.body.items[0]).toMatchObject({ amount: 499, currency: 'usd', status: 'succeeded', refunds: [] });
    });
    const active = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(active.body.subscription.status).toBe('active');
  });

  it('shows a creator what subscribers who came through them or their channel paid (attribution), nobody else’s', async () => {
    const creator = await registerUser(app);
    const channelId = await createChannel(app, creator);
    const [byCreator, byChannel, elsewhere] = [
      await registerUser(app),
      await registerUser(app),
      await registerUser(app),
    ];
    await subscribe(app, fake, byCreator, 'creator-plus', 'month', { creatorId: creator.user.id });
    await subscribe(app, fake, byChannel, 'studio-pro', 'month', { channelId });
    await subscribe(app, fake, elsewhere, 'creator-plus', 'month', { creatorId: randomUUID() });
    await eventually(async () => {
      const ledger = await app.request('GET', '/v1/billing/ledger', { token: creator.tokens.accessToken });
      expect(ledger.status).toBe(200);
      // The creator's own Creator Plus payment is not attributed to them.
      expect(ledger.body.subscriptionRevenue).toEqual([{ currency: 'usd', subscriptions: 2, amount: 999 + 2_999 }]);
    });
    const longAgo = await app.request('GET', '/v1/billing/ledger?from=2020-01-01&to=2020-06-01', {
      token: creator.tokens.accessToken,
    });
    expect(longAgo.body.subscriptionRevenue).toEqual([]);
  }, 90_000);

  it('takes a disputed subscription payment out of its creator’s attributed revenue until the dispute is won', async () => {
    const creator = await registerUser(app);
    const [winner, loser] = [await registerUser(app), await registerUser(app)];
    await subscribe(app, fake, winner, 'creator-plus', 'month', { creatorId: creator.user.id });
    await subscribe(app, fake, loser, 'creator-plus', 'month', { creatorId: creator.user.id });
    const attributed = async () =>
      (await app.request('GET', '/v1/billing/ledger', { token: creator.tokens.accessToken })).body.subscriptionRevenue;
    const deliver = async (events: unknown[]) => {
      await fake.deliver(webhookUrl(app), events as Stripe.Event[]);
      await webhooksSettle(app);
    };
    const chargeOf = async (user: RegisteredUser) => {
      const [{ intent }] = await sql<{ intent: string }>(
        app,
        'select provider_payment_id as intent from billing.payments where user_id = ?',
        [user.user.id],
      );
      return (await fake.client().paymentIntents.retrieve(intent)).latest_charge as string;
    };
    await eventually(async () =>
      expect(await attributed()).toEqual([{ currency: 'usd', subscriptions: 2, amount: 2 * 999 }]),
    );

    // Opened (delivered twice): the payment no longer counts for the creator.
    const opened = await fake.emulator.createDispute(await chargeOf(winner));
    await deliver([...opened.events, ...opened.events]);
    expect(await attributed()).toEqual([{ currency: 'usd', subscriptions: 1, amount: 999 }]);
    // Won (closed, a late created, closed again): it counts again.
    const won = await fake.emulator.closeDispute(opened.result.id, 'won');
    await deliver([...won.events, ...opened.events, ...won.events]);
    expect(await attributed()).toEqual([{ currency: 'usd', subscriptions: 2, amount: 2 * 999 }]);

    // Lost, its closing delivered before its opening and twice: it stays out.
    const disputed = await fake.emulator.createDispute(await chargeOf(loser));
    const lost = await fake.emulator.closeDispute(disputed.result.id, 'lost');
    await deliver([...lost.events, ...disputed.events, ...lost.events]);
    expect(await attributed()).toEqual([{ currency: 'usd', subscriptions: 1, amount: 999 }]);
    const outcomes = await sql<{ dispute_outcome: string }>(
      app,
      'select dispute_outcome from billing.payments where user_id in (?, ?) order by dispute_outcome',
      [winner.user.id, loser.user.id],
    );
    expect(outcomes.map((row) => row.dispute_outcome)).toEqual(['lost', 'won']);
  }, 90_000);

  it('sends create-calls to Stripe with idempotency keys', async () => {
    const creates = fake.requests.filter(
      (request) =>
        request.method === 'POST' &&
        ['/v1/customers', '/v1/checkout/sessions', '/v1/products', '/v1/prices'].includes(request.path),
    );
    expect(creates.length).toBeGreaterThan(0);
    for (const request of creates) expect(request.idempotencyKey).toMatch(/^(customer|checkout|product|price):/);
  });

  it('refuses a second subscription and a checkout for an archived plan (409)', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'creator-plus');
    const again = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'month' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('billing.subscription.already-active');

    expect(
      (await app.request('POST', '/v1/admin/billing/plans/studio-pro/archive', { token: adminToken })).status,
    ).toBe(200);
    try {
      const other = await registerUser(app);
      const archived = await app.request('POST', '/v1/billing/checkout', {
        token: other.tokens.accessToken,
        body: { planId: 'studio-pro', interval: 'year' },
      });
      expect(archived.status).toBe(409);
      expect(archived.body.code).toBe('billing.plan.archived');
      const publicPlans = await app.request('GET', '/v1/billing/plans');
      expect(publicPlans.body.map((plan: { id: string }) => plan.id)).not.toContain('studio-pro');
    } finally {
      await app.request('POST', '/v1/admin/billing/plans/studio-pro/unarchive', { token: adminToken });
    }
  });

  it('upgrades at once with a prorated charge that the preview announced', async () => {
    const user = await registerUser(app);
    const { subscriptionId } = await subscribe(app, fake, user, 'creator-plus');
    const preview = await app.request('POST', '/v1/billing/subscription/change', {
      token: user.tokens.accessToken,
      body: { planId: 'studio-pro', interval: 'month', preview: true },
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ preview: true, kind: 'upgrade', currency: 'usd', warnings: [] });
    // Almost the whole period is left: about 29.99 - 9.99 is charged now.
    expect(preview.body.amountDueNow).toBeGreaterThan(1_900);
    expect(preview.body.amountDueNow).toBeLessThanOrEqual(2_000);
    expect(preview.body.lines.every((line: { proration: boolean }) => line.proration)).toBe(true);
    const unchanged = await fake.client().subscriptions.retrieve(subscriptionId);
    expect(unchanged.items.data[0].price.metadata.planId).toBe('creator-plus');

    const change = await app.request('POST', '/v1/billing/subscription/change', {
      token: user.tokens.accessToken,
      body: { planId: 'studio-pro', interval: 'month' },
    });
    expect(change.status).toBe(200);
    expect(change.body).toMatchObject({ preview: false, kind: 'upgrade', subscription: { planId: 'studio-pro' } });
    const now = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(now.body).toMatchObject({ planId: 'studio-pro', entitlements: { analytics: 'advanced', api_access: true } });
    const charged = fake.events.filter(
      (event) => event.type === 'invoice.paid' && event.data.object.billing_reason === 'subscription_update',
    );
    expect(charged.at(-1)!.data.object).toMatchObject({ amount_paid: preview.body.amountDueNow });
  });

  it('downgrades at the period end, keeping the bigger plan and warning about quotas already above the new limit', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'creator-plus');
    const { BillingApi } = await import('@lib/billing/contracts');
    const billing = app.app.get(BillingApi);
    await RequestContext.create(app.app.get(MikroORM).em, async () => {
      for (let episode = 0; episode < 4; episode += 1) await billing.consume(user.user.id, 'episodes_per_month', 1);
    });

    const preview = await app.request('POST', '/v1/billing/subscription/change', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'month', preview: true },
    });
    expect(preview.body).toMatchObject({
      kind: 'downgrade',
      amountDueNow: 0,
      warnings: [{ entitlement: 'episodes_per_month', used: 4, newLimit: 2 }],
    });

    const change = await app.request('POST', '/v1/billing/subscription/change', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'month' },
    });
    expect(change.status).toBe(200);
    expect(change.body.subscription).toMatchObject({
      planId: 'prime',
      pendingDowngrade: { keepsPlanId: 'creator-plus' },
    });
    expect(change.body.effectiveAt).toBe(change.body.subscription.currentPeriodEnd);
    const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(overview.body).toMatchObject({
      planId: 'creator-plus',
      thenPlanId: 'prime',
      validUntil: change.body.subscription.currentPeriodEnd,
    });
  });

  it('cancels at the period end with a reason, then ends at renewal and falls back to Free', async () => {
    const user = await registerUser(app);
    const { subscriptionId } = await subscribe(app, fake, user, 'creator-plus');
    const cancel = await app.request('POST', '/v1/billing/subscription/cancel', {
      token: user.tokens.accessToken,
      body: { atPeriodEnd: true, reason: 'too_expensive', comment: 'cheaper elsewhere' },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({
      status: 'active',
      cancelAtPeriodEnd: true,
      cancellation: { feedback: 'too_expensive', comment: 'cheaper elsewhere' },
    });
    await planBecomes(app, user, 'creator-plus');

    const renewal = await fake.emulator.renew(subscriptionId);
    await fake.deliver(webhookUrl(app), renewal.events as unknown as Stripe.Event[]);
    await planBecomes(app, user, 'free');
    const [canceled] = await sql<{ payload: Record<string, unknown> }>(
      app,
      `select payload from platform.outbox where type = 'billing.subscription-canceled.v1' and payload->>'userId' = ?`,
      [user.user.id],
    );
    expect(canceled.payload).toMatchObject({
      planId: 'creator-plus',
      feedback: 'too_expensive',
      comment: 'cheaper elsewhere',
    });
  });

  it('keeps access while past_due (grace period), announces the failed payment, and recovers when paid', async () => {
    const user = await registerUser(app);
    const { subscriptionId } = await subscribe(app, fake, user, 'creator-plus');
    const customer = (await fake.client().subscriptions.retrieve(subscriptionId)).customer as string;
    await fake.emulator.setPaymentOutcome(customer, 'decline');
    const failed = await fake.emulator.renew(subscriptionId);
    await fake.deliver(webhookUrl(app), failed.events as unknown as Stripe.Event[]);
    await eventually(async () => {
      const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
      expect(overview.body).toMatchObject({
        planId: 'creator-plus',
        thenPlanId: 'free',
        subscription: { status: 'past_due' },
      });
    });
    const dunning = await sql<{ payload: Record<string, unknown> }>(
      app,
      `select payload from platform.outbox where type = 'billing.payment-failed.v1' and payload->>'userId' = ?`,
      [user.user.id],
    );
    expect(dunning).toHaveLength(1);
    expect(dunning[0].payload).toMatchObject({ attempt: 1, amountDue: 999, currency: 'usd' });
    expect(dunning[0].payload.accessUntil).toEqual(expect.any(String));

    await fake.emulator.setPaymentOutcome(customer, 'succeed');
    const invoice = (
      failed.events.find((event) => event.type === 'invoice.payment_failed')!.data.object as { id: string }
    ).id;
    const retried = await fake.emulator.retryInvoicePayment(invoice);
    await fake.deliver(webhookUrl(app), retried.events as unknown as Stripe.Event[]);
    await eventually(async () => {
      const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
      expect(overview.body).toMatchObject({
        planId: 'creator-plus',
        validUntil: null,
        subscription: { status: 'active' },
      });
    });
  });

  it('refunds within the policy with a credit note, once, and the charge.refunded webhook adds nothing', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'creator-plus');
    const [payment] = (await app.request('GET', '/v1/billing/payments', { token: user.tokens.accessToken })).body.items;

    const member = await app.request('POST', '/v1/admin/billing/refunds', {
      token: user.tokens.accessToken,
      body: { paymentId: payment.id, reason: 'requested_by_customer' },
    });
    expect(member.status).toBe(403);
    const tooMuch = await app.request('POST', '/v1/admin/billing/refunds', {
      token: adminToken,
      body: { paymentId: payment.id, amount: 1_000, reason: 'requested_by_customer' },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toMatchObject({ code: 'billing.refund.exceeds-payment', refundable: 999 });

    const refund = await app.request('POST', '/v1/admin/billing/refunds', {
      token: adminToken,
      body: { paymentId: payment.id, amount: 400, reason: 'requested_by_customer' },
    });
    expect(refund.status).toBe(201);
    expect(refund.body).toMatchObject({
      amount: 400,
      status: 'succeeded',
      creditNote: { number: expect.stringMatching(/^CN-\d{6}$/), amount: 400 },
    });
    const refundCall = fake.requests.filter((request) => request.path === '/v1/refunds').at(-1)!;
    expect(refundCall.idempotencyKey).toBe(`refund:${refund.body.id}`);

    // Stripe's own notice of the refund arrives afterwards: it is recognised, not counted twice.
    const refunded = fake.events.filter((event) => event.type === 'charge.refunded').at(-1)!;
    expect(await fake.deliver(webhookUrl(app), [refunded])).toEqual([200]);
    await webhooksSettle(app);
    const payments = await app.request('GET', '/v1/billing/payments', { token: user.tokens.accessToken });
    expect(payments.body.items[0]).toMatchObject({
      refundedAmount: 400,
      status: 'partially_refunded',
      refunds: [{ amount: 400 }],
    });
    const invoices = await app.request('GET', '/v1/billing/invoices', { token: user.tokens.accessToken });
    expect(invoices.body.items[0].creditNotes).toEqual([
      expect.objectContaining({ number: refund.body.creditNote.number, amount: 400 }),
    ]);
    const issued = await sql(
      app,
      `select 1 from platform.outbox where type = 'billing.refund-issued.v1' and payload->>'refundId' = ?`,
      [refund.body.id],
    );
    expect(issued).toHaveLength(1);
  });

  it('refuses refunds older than the policy window unless an admin forces them with a reason', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'creator-plus');
    const [payment] = (await app.request('GET', '/v1/billing/payments', { token: user.tokens.accessToken })).body.items;
    await sql(app, `update billing.payments set paid_at = now() - interval '31 days' where id = ?`, [payment.id]);

    const late = await app.request('POST', '/v1/admin/billing/refunds', {
      token: adminToken,
      body: { paymentId: payment.id, reason: 'requested_by_customer' },
    });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'billing.refund.outside-policy', windowDays: 30 });
    const forced = await app.request('POST', '/v1/admin/billing/refunds', {
      token: adminToken,
      body: { paymentId: payment.id, reason: 'requested_by_customer', force: true, comment: 'outage on the 3rd' },
    });
    expect(forced.status).toBe(201);
    expect(forced.body.amount).toBe(999);
  });

  it('shows nobody else’s invoices (404) and pages only the caller’s', async () => {
    const owner = await registerUser(app);
    await subscribe(app, fake, owner, 'creator-plus');
    const [invoice] = (await app.request('GET', '/v1/billing/invoices', { token: owner.tokens.accessToken })).body
      .items;
    const stranger: RegisteredUser = await registerUser(app);
    const peek = await app.request('GET', `/v1/billing/invoices/${invoice.id}`, { token: stranger.tokens.accessToken });
    expect(peek.status).toBe(404);
    expect(peek.body.code).toBe('billing.invoice.not-found');
    expect(
      (await app.request('GET', '/v1/billing/invoices', { token: stranger.tokens.accessToken })).body.items,
    ).toEqual([]);
    expect(
      (await app.request('GET', `/v1/billing/invoices/${invoice.id}`, { token: owner.tokens.accessToken })).status,
    ).toBe(200);
  });
});
