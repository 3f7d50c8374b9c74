import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import type { Queue } from 'bull';
import { getQueueToken } from '@nestjs/bull';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { eventually, startSmtpServer, type TestApp, type TestSmtpServer } from '@lib/platform/testing';
import { BillingMaintenance } from '../../../libs/billing/src/application/webhooks/billing-maintenance.js';
import { BILLING_MAIL_QUEUE } from '../../../libs/billing/src/application/gifts/gift-mails.js';
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
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

const asEvents = (events: unknown) => events as Stripe.Event[];

/**
 * Gift subscriptions on the Stripe emulator: a month or a year of a plan bought through a one-off Checkout, settled
 * by its webhooks (duplicated, out of order), journaled as `gifts` revenue, mailed to the recipient once; redeemed
 * once within 365 days as a grant with an end date; refunded by the buyer before redemption; disputed by the payer's
 * bank (like a refund until the dispute is won) — and the hostile cases.
 */
describe('gift subscriptions', () => {
  let billing: BillingOnFakeStripe;
  let fake: FakeStripe;
  let app: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    billing = await startBillingOnFakeStripe((env) =>
      startShowrunner({ ...env, MAIL_URL: smtp.url(), APP_URL: 'https://app.example.test' }),
    );
    ({ fake, app } = billing);
  }, 120_000);
  afterAll(async () => {
    await billing.close();
    await smtp.close();
  }, 60_000);

  const token = (user: RegisteredUser) => user.tokens.accessToken;
  const deliver = async (events: unknown) => {
    const statuses = await fake.deliver(webhookUrl(app), asEvents(events));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await webhooksSettle(app);
  };
  const sweep = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(BillingMaintenance).run());
  const redeem = (user: RegisteredUser, code: string) =>
    app.request('POST', `/v1/gifts/${code}/redeem`, { token: token(user) });
  const expectProblem = (answer: { status: number; body: { code?: string } }, status: number, code: string) =>
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
  const journalOf = (giftId: string) =>
    sql<{ stream: string; amount: number; currency: string }>(
      app,
      `select stream, amount::int as amount, currency from billing.revenue_entries where source_key like ? order by occurred_at, amount desc`,
      [`gift:${giftId}:%`],
    );

  /** The buyer buys a gift and pays; returns it with its code (events delivered unless told otherwise). */
  async function paidGift(
    buyer: RegisteredUser,
    body: Record<string, unknown> = { planId: 'prime', period: 'month' },
    order: (events: Stripe.Event[]) => Stripe.Event[] = (events) => events,
  ) {
    const bought = await app.request('POST', '/v1/gifts', { token: token(buyer), body });
    expect(bought.status).toBe(201);
    const sessionId = new URL(bought.body.checkoutUrl).pathname.split('/').pop()!;
    const paid = await fake.emulator.completeCheckout(sessionId, 'pay');
    const events = asEvents(paid.events);
    await deliver(order(events));
    const list = await app.request('GET', '/v1/gifts', { token: token(buyer) });
    const gift = list.body.items.find((item: { id: string }) => item.id === bought.body.giftId);
    return { giftId: bought.body.giftId as string, bought: bought.body, gift, events, paid };
  }

  it('buy → pay (webhooks reversed and duplicated) → listed with its link, recipient mailed once → preview → redeem → the plan until the end, then Free', async () => {
    const buyer = await registerUser(app, { displayName: 'Generous Gina' });
    const recipient = await registerUser(app);
    const { giftId, bought, gift, events } = await paidGift(
      buyer,
      { planId: 'prime', period: 'year', recipientEmail: recipient.user.email, message: 'Happy birthday!' },
      (all) => [...[...all].reverse(), ...all],
    );
    expect(bought).toMatchObject({ planId: 'prime', period: 'year', amount: 4_990, currency: 'usd' });
    expect(gift).toMatchObject({ status: 'paid', amount: 4_990, recipientEmail: recipient.user.email });
    expect(gift.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(gift.redeemUrl).toBe(`https://app.example.test/gifts/${gift.code}`);
    expect(await journalOf(giftId)).toEqual([{ stream: 'gifts', amount: 4_990, currency: 'usd' }]);

    const mails = () =>
      smtp.received.filter(
        (mail) => mail.rcptTo.includes(recipient.user.email) && mail.raw.includes(`gift-recipient:${giftId}`),
      );
    await eventually(() => expect(mails()).toHaveLength(1));
    expect(mails()[0].raw).toContain(gift.code);
    expect(mails()[0].raw).toContain('Generous Gina');
    // The same events again (Stripe's redelivery): no second mail, no second journal line.
    await deliver(events);
    expect(await journalOf(giftId)).toHaveLength(1);

    // The public preview names the plan and the buyer, never an e-mail address.
    const preview = await app.request('GET', `/v1/gifts/${gift.code.toLowerCase()}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      planId: 'prime',
      period: 'year',
      from: 'Generous Gina',
      message: 'Happy birthday!',
      status: 'redeemable',
    });
    expect(JSON.stringify(preview.body)).not.toContain('@');
    expectProblem(await app.request('GET', '/v1/gifts/NOPE-NOPE-NOPE-NOPE'), 404, 'billing.gift.not-found');

    const redeemed = await redeem(recipient, gift.code);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ giftId, planId: 'prime', planInForce: 'prime' });
    const until = new Date(redeemed.body.accessUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(364 * 86_400_000);
    await planBecomes(app, recipient, 'prime');
    const [subscriptions] = await sql<{ n: number }>(
      app,
      'select count(*)::int as n from billing.subscriptions where user_id = ?',
      [recipient.user.id],
    );
    expect(subscriptions.n).toBe(0);
    expect((await app.request('GET', `/v1/gifts/${gift.code}`)).body.status).toBe('redeemed');

    // Hostile: redeemed twice (by someone else, or by the same person), refunded after redemption.
    expectProblem(await redeem(buyer, gift.code), 409, 'billing.gift.already-redeemed');
    expectProblem(await redeem(recipient, gift.code), 409, 'billing.gift.already-redeemed');
    expectProblem(
      await app.request('POST', `/v1/gifts/${giftId}/refund`, { token: token(buyer) }),
      409,
      'billing.gift.already-redeemed',
    );

    // The gifted year ends: the maintenance sweep gives the previous plan (Free) back.
    await sql(app, `update billing.gifts set grant_ends_at = now() - interval '1 second' where id = ?`, [giftId]);
    await sql(
      app,
      `update billing.entitlement_grants set valid_until = now() - interval '1 second' where user_id = ?`,
      [recipient.user.id],
    );
    await sweep();
    await planBecomes(app, recipient, 'free');
    // Long after the redelivered events: still the one mail.
    expect(mails()).toHaveLength(1);
  }, 90_000);

  it('two concurrent redeems of one code: exactly one wins', async () => {
    const buyer = await registerUser(app);
    const { gift } = await paidGift(buyer);
    const [first, second] = [await registerUser(app), await registerUser(app)];
    const answers = await Promise.all([redeem(first, gift.code), redeem(second, gift.code)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)!.body.code).toBe('billing.gift.already-redeemed');
    const [row] = await sql<{ redeemed_by: string }>(app, 'select redeemed_by from billing.gifts where code = ?', [
      gift.code,
    ]);
    const winner = answers[0].status === 200 ? first : second;
    expect(row.redeemed_by).toBe(winner.user.id);
  }, 60_000);

  it('refuses a gift past its 365 days, and a buyer redeeming on an active subscription of the same plan', async () => {
    const buyer = await registerUser(app);
    const old = await paidGift(buyer);
    await sql(app, `update billing.gifts set paid_at = now() - interval '366 days' where id = ?`, [old.giftId]);
    const late = await redeem(await registerUser(app), old.gift.code);
    expectProblem(late, 422, 'billing.gift.expired');
    expect(late.body.redeemableUntil).toBeDefined();
    expect((await app.request('GET', `/v1/gifts/${old.gift.code}`)).body.status).toBe('expired');

    const subscriber = await registerUser(app);
    await subscribe(app, fake, subscriber, 'prime');
    const own = await paidGift(subscriber);
    expectProblem(await redeem(subscriber, own.gift.code), 409, 'billing.gift.plan-already-active');
    // A bigger plan's gift is fine on top of it; its end gives Prime back.
    const bigger = await paidGift(subscriber, { planId: 'creator-plus', period: 'month' });
    const redeemed = await redeem(subscriber, bigger.gift.code);
    expect(redeemed.body).toMatchObject({ planInForce: 'creator-plus' });
    const [grant] = await sql<{ then_plan_id: string }>(
      app,
      'select then_plan_id from billing.entitlement_grants where user_id = ?',
      [subscriber.user.id],
    );
    expect(grant.then_plan_id).toBe('prime');
    // And two gifts of one plan do not stack either.
    const again = await paidGift(buyer, { planId: 'creator-plus', period: 'month' });
    expectProblem(await redeem(subscriber, again.gift.code), 409, 'billing.gift.plan-already-active');
  }, 90_000);

  it('the buyer refunds an unredeemed gift once; nobody else can; a refunded gift cannot be redeemed', async () => {
    const buyer = await registerUser(app);
    const stranger = await registerUser(app);
    const { giftId, gift, paid } = await paidGift(buyer, { planId: 'creator-plus', period: 'month' });
    const refund = (user: RegisteredUser, id = giftId) =>
      app.request('POST', `/v1/gifts/${id}/refund`, { token: token(user) });
    expectProblem(await refund(stranger), 404, 'billing.gift.not-found');
    expectProblem(await refund(buyer, randomUUID()), 404, 'billing.gift.not-found');

    const giftsRevenue = async () => {
      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const answer = await app.request('GET', `/v1/admin/billing/metrics?from=${from}&to=${to}&interval=day`, {
        token: billing.adminToken,
      });
      expect(answer.status).toBe(200);
      const usd = answer.body.currencies.find((entry: { currency: string }) => entry.currency === 'usd');
      const buckets = usd.buckets.reduce(
        (sum: number, bucket: { streams: { gifts: number } }) => sum + bucket.streams.gifts,
        0,
      );
      expect(buckets).toBe(usd.summary.streams.gifts);
      expect(Object.keys(usd.summary.streams).sort()).toEqual(['ads', 'commission', 'gifts', 'overage', 'tips']);
      return usd.summary.streams.gifts as number;
    };
    const before = await giftsRevenue();
    expect(before).toBeGreaterThanOrEqual(999);
    const refunded = await refund(buyer);
    expect(refunded.status).toBe(200);
    expect(refunded.body).toMatchObject({ id: giftId, status: 'refunded', code: null });
    const intent = await fake
      .client()
      .paymentIntents.retrieve(paid.result.payment_intent as string, { expand: ['latest_charge'] });
    expect((intent.latest_charge as Stripe.Charge).amount_refunded).toBe(999);
    // Stripe's charge.refunded, twice: nothing more.
    const refundEvents = fake.events.filter(
      (event) => event.type === 'charge.refunded' && event.data.object.payment_intent === intent.id,
    );
    expect(refundEvents).toHaveLength(1);
    await deliver([...refundEvents, ...refundEvents]);
    expect(await journalOf(giftId)).toEqual([
      { stream: 'gifts', amount: 999, currency: 'usd' },
      { stream: 'gifts', amount: -999, currency: 'usd' },
    ]);
    // The admin revenue report's gifts stream lost exactly this gift's amount.
    expect(await giftsRevenue()).toBe(before - 999);
    // Insights' platform dashboard rolls up the same journal entries (one event each), per day and currency, and
    // agrees with the admin revenue metrics over the same days.
    const today = new Date(new Date().toISOString().slice(0, 10));
    const from = new Date(today.getTime() - 86_400_000).toISOString();
    const to = new Date(today.getTime() + 2 * 86_400_000).toISOString();
    const [journaled] = await sql<{ gifts: number }>(
      app,
      `select coalesce(sum(amount), 0)::int as gifts from billing.revenue_entries where stream = 'gifts' and currency = 'usd'`,
    );
    const overview = await eventually(async () => {
      const answer = await app.request('GET', `/v1/admin/insights/overview?from=${from}&to=${to}`, {
        token: billing.adminToken,
      });
      expect(answer.status).toBe(200);
      expect(answer.body.revenueStreamTotals).toEqual([
        { currency: 'usd', streams: { tips: 0, commission: 0, gifts: journaled.gifts, ads: 0, overage: 0 } },
      ]);
      return answer.body;
    });
    expect(overview.revenueStreams).toEqual([
      expect.objectContaining({ day: today.toISOString().slice(0, 10), currency: 'usd' }),
    ]);
    // The same roll-up as an admin CSV export, one row per UTC day and currency; refused to others and for a bad range.
    const exportPath = `/v1/admin/insights/exports/revenue-streams?from=${from}&to=${to}`;
    const exported = await app.request<string>('GET', exportPath, { token: billing.adminToken });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.body.trim().split('\n')).toEqual([
      'day,currency,tips,commission,gifts,ads,overage',
      ...overview.revenueStreams.map(
        (day: { day: string; currency: string; streams: Record<string, number> }) =>
          `${day.day},${day.currency},${['tips', 'commission', 'gifts', 'ads', 'overage'].map((name) => day.streams[name]).join(',')}`,
      ),
    ]);
    expect((await app.request('GET', exportPath, { token: token(buyer) })).status).toBe(403);
    expectProblem(
      await app.request('GET', `/v1/admin/insights/exports/revenue-streams?from=${to}&to=${from}`, {
        token: billing.adminToken,
      }),
      400,
      'insights.range.invalid',
    );
    const metrics = await app.request('GET', `/v1/admin/billing/metrics?from=${from}&to=${to}&interval=day`, {
      token: billing.adminToken,
    });
    const usd = metrics.body.currencies.find((entry: { currency: string }) => entry.currency === 'usd');
    expect(overview.revenueStreamTotals[0].streams).toEqual(usd.summary.streams);
    const [events] = await sql<{ n: number }>(
      app,
      `select count(*)::int as n from platform.outbox where type = 'billing.revenue-recorded.v1' and payload->>'stream' = 'gifts'`,
    );
    const [entries] = await sql<{ n: number }>(
      app,
      `select count(*)::int as n from billing.revenue_entries where stream = 'gifts'`,
    );
    expect(events.n).toBe(entries.n);
    expectProblem(await refund(buyer), 409, 'billing.gift.refunded');
    expectProblem(await redeem(stranger, gift.code), 409, 'billing.gift.refunded');
    expect((await app.request('GET', `/v1/gifts/${gift.code}`)).body.status).toBe('refunded');
  }, 60_000);

  it('mails the recipient once even when Redis refuses the mail job as the payment settles', async () => {
    const queue = app.app.get<Queue>(getQueueToken(BILLING_MAIL_QUEUE), { strict: false });
    const add = queue.add.bind(queue) as (...args: unknown[]) => ReturnType<Queue['add']>;
    let refused = 0;
    // The first gift mail job is refused, as Redis does when it is out of memory or a read-only replica.
    queue.add = ((...args: unknown[]) => {
      if (refused++ > 0) return add(...args);
      return Promise.reject(new Error('OOM command not allowed when used memory > maxmemory'));
    }) as Queue['add'];
    try {
      const buyer = await registerUser(app);
      const email = `gift-${randomUUID()}@example.test`;
      const { giftId, events } = await paidGift(buyer, { planId: 'prime', period: 'month', recipientEmail: email });
      const mails = () => smtp.received.filter((mail) => mail.rcptTo.includes(email));
      await eventually(() => expect(mails()).toHaveLength(1), { timeoutMs: 20_000 });
      expect(refused).toBeGreaterThanOrEqual(2);
      expect(mails()[0].raw).toContain(`gift-recipient:${giftId}`);
      // The payment's events again: the fact was published once, so still one mail.
      await deliver(events);
      const [published] = await sql<{ n: number }>(
        app,
        `select count(*)::int as n from platform.outbox where type = 'billing.gift-paid.v1' and payload->>'giftId' = ?`,
        [giftId],
      );
      expect(published.n).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(mails()).toHaveLength(1);
    } finally {
      queue.add = add as Queue['add'];
    }
  }, 60_000);

  it('a redeemed gift refunded from Stripe’s dashboard: a partial refund leaves the access, a full one ends it at once', async () => {
    const buyer = await registerUser(app);
    const recipient = await registerUser(app);
    const { giftId, gift, paid } = await paidGift(buyer, { planId: 'creator-plus', period: 'month' });
    expect((await redeem(recipient, gift.code)).status).toBe(200);
    await planBecomes(app, recipient, 'creator-plus');
    const intentId = paid.result.payment_intent as string;
    const refundEvents = () =>
      fake.events.filter((event) => event.type === 'charge.refunded' && event.data.object.payment_intent === intentId);
    const giftRow = async () =>
      (
        await sql<{ status: string; refunded_amount: number; grant_ends_at: Date }>(
          app,
          'select status, refunded_amount::int as refunded_amount, grant_ends_at from billing.gifts where id = ?',
          [giftId],
        )
      )[0];

    // A goodwill partial refund in the dashboard: journaled, the access stays.
    await fake.client().refunds.create({ payment_intent: intentId, amount: 300 });
    await deliver(refundEvents());
    expect(await giftRow()).toMatchObject({ status: 'redeemed', refunded_amount: 300 });
    expect((await app.request('GET', '/v1/billing/subscription', { token: token(recipient) })).body.planId).toBe(
      'creator-plus',
    );

    // The rest refunded: nothing of the gift is paid for any more, so its plan goes now (events duplicated).
    await fake.client().refunds.create({ payment_intent: intentId });
    const before = Date.now();
    await deliver([...refundEvents(), ...refundEvents()]);
    const row = await giftRow();
    expect(row).toMatchObject({ status: 'refunded', refunded_amount: 999 });
    expect(new Date(row.grant_ends_at).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(row.grant_ends_at).getTime()).toBeGreaterThan(before - 60_000);
    await planBecomes(app, recipient, 'free');
    expect(await journalOf(giftId)).toEqual([
      { stream: 'gifts', amount: 999, currency: 'usd' },
      { stream: 'gifts', amount: -300, currency: 'usd' },
      { stream: 'gifts', amount: -699, currency: 'usd' },
    ]);
    expect((await app.request('GET', `/v1/gifts/${gift.code}`)).body.status).toBe('refunded');
    expectProblem(await redeem(recipient, gift.code), 409, 'billing.gift.refunded');
  }, 60_000);

  /** The charge of a paid gift, for the cardholder's bank to dispute. */
  const chargeOf = async (paid: { result: { payment_intent: unknown } }) =>
    (await fake.client().paymentIntents.retrieve(paid.result.payment_intent as string)).latest_charge as string;
  const giftStatus = async (giftId: string) =>
    (await sql<{ status: string }>(app, 'select status from billing.gifts where id = ?', [giftId]))[0].status;
  // One buyer for the dispute cases (registrations are rate-limited per address, and this file is near the limit).
  let disputesBuyer: RegisteredUser | undefined;
  const disputeBuyer = async () => (disputesBuyer ??= await registerUser(app));

  it('a dispute on an unredeemed gift stops its redemption and takes its revenue back once; a lost one keeps it so', async () => {
    const buyer = await disputeBuyer();
    const { giftId, gift, paid } = await paidGift(buyer);
    const dispute = await fake.emulator.createDispute(await chargeOf(paid));
    await deliver([...dispute.events, ...dispute.events]);
    expect(await giftStatus(giftId)).toBe('disputed');
    expectProblem(await redeem(buyer, gift.code), 409, 'billing.gift.disputed');
    expectProblem(
      await app.request('POST', `/v1/gifts/${giftId}/refund`, { token: token(buyer) }),
      409,
      'billing.gift.not-refundable',
    );
    expect((await app.request('GET', `/v1/gifts/${gift.code}`)).body.status).toBe('disputed');
    const listed = (await app.request('GET', '/v1/gifts', { token: token(buyer) })).body.items.find(
      (item: { id: string }) => item.id === giftId,
    );
    expect(listed).toMatchObject({ status: 'disputed', code: null, redeemUrl: null });
    const taken = [
      { stream: 'gifts', amount: 499, currency: 'usd' },
      { stream: 'gifts', amount: -499, currency: 'usd' },
    ];
    expect(await journalOf(giftId)).toEqual(taken);

    // Lost: the money stays gone and so does the gift; the close and a late created change nothing more.
    const lost = await fake.emulator.closeDispute(dispute.result.id, 'lost');
    await deliver([...lost.events, ...dispute.events, ...lost.events]);
    expect(await giftStatus(giftId)).toBe('disputed');
    expect(await journalOf(giftId)).toEqual(taken);
    expectProblem(await redeem(buyer, gift.code), 409, 'billing.gift.disputed');
  }, 60_000);

  it('a won dispute makes an unredeemed gift redeemable again and journals its revenue back once', async () => {
    const buyer = await disputeBuyer();
    const { giftId, gift, paid } = await paidGift(buyer);
    const dispute = await fake.emulator.createDispute(await chargeOf(paid));
    await deliver(dispute.events);
    expectProblem(await redeem(buyer, gift.code), 409, 'billing.gift.disputed');
    const won = await fake.emulator.closeDispute(dispute.result.id, 'won');
    expect(won.events.map((event) => event.type)).toEqual(['charge.dispute.closed', 'charge.dispute.funds_reinstated']);
    // Closed (twice) with the created event redelivered between: given back once.
    await deliver([...won.events, ...dispute.events, ...won.events]);
    expect(await giftStatus(giftId)).toBe('paid');
    expect(await journalOf(giftId)).toEqual([
      { stream: 'gifts', amount: 499, currency: 'usd' },
      { stream: 'gifts', amount: -499, currency: 'usd' },
      { stream: 'gifts', amount: 499, currency: 'usd' },
    ]);
    expect((await app.request('GET', `/v1/gifts/${gift.code}`)).body.status).toBe('redeemable');
    expect((await redeem(buyer, gift.code)).status).toBe(200);
  }, 60_000);

  it('dispute events out of order (closed won before created) change nothing', async () => {
    const buyer = await disputeBuyer();
    const { giftId, gift, paid } = await paidGift(buyer);
    const dispute = await fake.emulator.createDispute(await chargeOf(paid));
    const won = await fake.emulator.closeDispute(dispute.result.id, 'won');
    await deliver([...won.events, ...dispute.events, ...won.events, ...dispute.events]);
    expect(await giftStatus(giftId)).toBe('paid');
    expect(await journalOf(giftId)).toEqual([{ stream: 'gifts', amount: 499, currency: 'usd' }]);
    expect((await app.request('GET', `/v1/gifts/${gift.code}`)).body.status).toBe('redeemable');
  }, 60_000);

  it('a dispute on a redeemed gift ends the recipient’s access at once; won, the access comes back until its end', async () => {
    const buyer = await disputeBuyer();
    const recipient = await registerUser(app);
    const { giftId, gift, paid } = await paidGift(buyer, { planId: 'creator-plus', period: 'month' });
    const redeemed = await redeem(recipient, gift.code);
    expect(redeemed.status).toBe(200);
    await planBecomes(app, recipient, 'creator-plus');
    const endsAt = async () =>
      (await sql<{ grant_ends_at: Date }>(app, 'select grant_ends_at from billing.gifts where id = ?', [giftId]))[0]
        .grant_ends_at;

    const dispute = await fake.emulator.createDispute(await chargeOf(paid));
    await deliver([...dispute.events, ...dispute.events]);
    expect(await giftStatus(giftId)).toBe('disputed');
    expect(new Date(await endsAt()).getTime()).toBeLessThanOrEqual(Date.now());
    await planBecomes(app, recipient, 'free');
    expect(await journalOf(giftId)).toEqual([
      { stream: 'gifts', amount: 999, currency: 'usd' },
      { stream: 'gifts', amount: -999, currency: 'usd' },
    ]);

    const won = await fake.emulator.closeDispute(dispute.result.id, 'won');
    await deliver([...won.events, ...won.events]);
    expect(await giftStatus(giftId)).toBe('redeemed');
    expect(new Date(await endsAt()).toISOString()).toBe(new Date(redeemed.body.accessUntil).toISOString());
    await planBecomes(app, recipient, 'creator-plus');
    expect(await journalOf(giftId)).toHaveLength(3);
  }, 60_000);

  it('an expired gift checkout grants nothing, closes the gift and mails nobody', async () => {
    const buyer = await registerUser(app);
    const email = `gift-${randomUUID()}@example.test`;
    const bought = await app.request('POST', '/v1/gifts', {
      token: token(buyer),
      body: { planId: 'prime', period: 'month', recipientEmail: email },
    });
    expect(bought.status).toBe(201);
    const giftId = bought.body.giftId as string;
    const sessionId = new URL(bought.body.checkoutUrl).pathname.split('/').pop()!;
    const declined = asEvents((await fake.emulator.completeCheckout(sessionId, 'decline')).events);
    expect(declined.map((event) => event.type)).toEqual(['checkout.session.expired']);
    await deliver([...declined, ...declined]);

    const listed = (await app.request('GET', '/v1/gifts', { token: token(buyer) })).body.items.find(
      (item: { id: string }) => item.id === giftId,
    );
    expect(listed).toMatchObject({ status: 'expired', code: null, redeemUrl: null, redeemableUntil: null });
    expect(await journalOf(giftId)).toEqual([]);
    const [row] = await sql<{ code: string; paid_at: Date | null; redeemed_by: string | null }>(
      app,
      'select code, paid_at, redeemed_by from billing.gifts where id = ?',
      [giftId],
    );
    expect(row).toMatchObject({ paid_at: null, redeemed_by: null });
    expectProblem(await app.request('GET', `/v1/gifts/${row.code}`), 404, 'billing.gift.not-found');
    expectProblem(await redeem(await registerUser(app), row.code), 409, 'billing.gift.not-paid');
    const [published] = await sql<{ n: number }>(
      app,
      `select count(*)::int as n from platform.outbox where type = 'billing.gift-paid.v1' and payload->>'giftId' = ?`,
      [giftId],
    );
    expect(published.n).toBe(0);
    expect(smtp.received.filter((mail) => mail.rcptTo.includes(email))).toEqual([]);
  }, 60_000);

  it('refuses bad purchases with stable codes', async () => {
    const buyer = await registerUser(app);
    const buy = (body: Record<string, unknown>) => app.request('POST', '/v1/gifts', { token: token(buyer), body });
    expectProblem(await buy({ planId: 'free', period: 'month' }), 422, 'billing.gift.plan-not-giftable');
    expectProblem(await buy({ planId: 'no-such-plan', period: 'month' }), 404, 'billing.plan.not-found');
    const badPeriod = await buy({ planId: 'prime', period: 'week' });
    expect(badPeriod.status).toBe(400);
    const badEmail = await buy({ planId: 'prime', period: 'month', recipientEmail: 'not-an-address' });
    expect(badEmail.status).toBe(400);
    expectProblem(
      await buy({ planId: 'prime', period: 'month', successUrl: 'https://evil.example.com/' }),
      400,
      'billing.return-url.not-allowed',
    );
    expect((await app.request('POST', '/v1/gifts', { body: { planId: 'prime', period: 'month' } })).status).toBe(401);
    // An unpaid gift has no code to show or redeem.
    const pending = await buy({ planId: 'prime', period: 'month' });
    const [row] = await sql<{ code: string }>(app, 'select code from billing.gifts where id = ?', [
      pending.body.giftId,
    ]);
    expectProblem(await app.request('GET', `/v1/gifts/${row.code}`), 404, 'billing.gift.not-found');
    expectProblem(await redeem(buyer, row.code), 409, 'billing.gift.not-paid');
  }, 60_000);
});
