import { randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { eventually, type TestApp } from '@lib/platform/testing';
import type { FakeStripe } from '../../support/fake-stripe.js';
import {
  emitConsumed,
  sql,
  startBillingOnFakeStripe,
  suspension,
  webhooksSettle,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { registerUser, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, uploadClip } from '../studio/studio-helpers.js';

const asEvents = (events: unknown) => events as Stripe.Event[];

/**
 * Tips and creator payouts on the Stripe emulator: a creator onboards (Express), a fan tips through Checkout, the
 * Connect webhooks (delivered as Stripe does: duplicated, out of order) settle the tip into the creator's ledger net
 * of the commission, refunds and disputes take the creator's share back, payouts follow Stripe, and trust & safety's
 * sanctions and DMCA takedowns hold payouts.
 */
describe('tips and creator payouts (Stripe Connect)', () => {
  let billing: BillingOnFakeStripe;
  let fake: FakeStripe;
  let app: TestApp;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    ({ fake, app } = billing);
  }, 120_000);
  afterAll(() => billing.close(), 60_000);

  const token = (user: RegisteredUser) => user.tokens.accessToken;
  const deliver = async (events: unknown) => {
    const statuses = await fake.deliver(webhookUrl(app), asEvents(events));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await webhooksSettle(app);
  };
  const ledgerOf = async (user: RegisteredUser, query = '') => {
    const answer = await app.request('GET', `/v1/billing/ledger${query}`, { token: token(user) });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  const ledgerLinesOf = (tipId: string) =>
    sql<{ kind: string; net: number }>(
      app,
      'select kind, net from billing.creator_ledger_entries where tip_id = ? order by occurred_at, net desc',
      [tipId],
    );
  const tipRowOf = async (tipId: string) =>
    (
      await sql<{ status: string; creator_reversed: number }>(
        app,
        'select status, creator_reversed from billing.tips where id = ?',
        [tipId],
      )
    )[0];
  /** The revenue journal of one tip: the net and the number of lines per stream. */
  const tipJournalOf = (tipId: string) =>
    sql<{ stream: string; amount: number }>(
      app,
      `select stream, sum(amount)::int as amount, count(*)::int as lines from billing.revenue_entries
       where source_key like ? group by stream order by stream`,
      [`tip:${tipId}%`],
    );

  /** A creator whose payout account finished onboarding (its account.updated delivered). */
  async function payableCreator(): Promise<{ creator: RegisteredUser; accountId: string; onboarding: unknown[] }> {
    const creator = await registerUser(app);
    const connect = await app.request('POST', '/v1/billing/payout-account', { token: token(creator), body: {} });
    expect(connect.status).toBe(201);
    expect(connect.body).toMatchObject({ status: 'onboarding', payoutsHeld: false });
    const linkId = new URL(connect.body.onboardingUrl).pathname.split('/').pop()!;
    const onboarded = await fake.emulator.completeOnboarding(linkId);
    await deliver(onboarded.events);
    const status = await app.request('GET', '/v1/billing/payout-account', { token: token(creator) });
    expect(status.body).toMatchObject({ status: 'active', chargesEnabled: true, payoutsEnabled: true });
    return { creator, accountId: onboarded.result.id, onboarding: onboarded.events };
  }

  async function startTip(fan: RegisteredUser, body: Record<string, unknown>) {
    return app.request('POST', '/v1/tips', { token: token(fan), body });
  }

  /** The fan tips and pays; returns the payment's events, not yet delivered. */
  async function paidTip(fan: RegisteredUser, creatorId: string, amount: number) {
    const tip = await startTip(fan, { creatorId, amount, message: 'Loved the last episode!' });
    expect(tip.status).toBe(201);
    const sessionId = new URL(tip.body.checkoutUrl).pathname.split('/').pop()!;
    const paid = await fake.emulator.completeCheckout(sessionId, 'pay');
    return { tipId: tip.body.tipId as string, body: tip.body, paid };
  }

  /** A payable creator tipped `amount` by a new fan, the payment's events delivered; with the tip's charge. */
  async function settledTip(amount: number) {
    const { creator, accountId } = await payableCreator();
    const { tipId, paid } = await paidTip(await registerUser(app), creator.user.id, amount);
    await deliver(paid.events);
    const intent = await fake.client().paymentIntents.retrieve(paid.result.payment_intent as string);
    return { creator, accountId, tipId, chargeId: intent.latest_charge as string };
  }

  it('fan tips → the creator’s ledger shows the tip net of the 10% commission → the payout is paid', async () => {
    const { creator, accountId } = await payableCreator();
    const fan = await registerUser(app);
    const { tipId, body, paid } = await paidTip(fan, creator.user.id, 500);
    expect(body).toMatchObject({ creatorId: creator.user.id, amount: 500, commission: 50, currency: 'usd' });
    await deliver(paid.events);

    const [tip] = await sql<{ status: string; message: string }>(
      app,
      'select status, message from billing.tips where id = ?',
      [tipId],
    );
    expect(tip).toEqual({ status: 'paid', message: 'Loved the last episode!' });
    let ledger = await ledgerOf(creator);
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: 'tip', tipId, gross: 500, commission: 50, net: 450, currency: 'usd' }),
    ]);
    expect(ledger.totals).toEqual([
      {
        currency: 'usd',
        tipsGross: 500,
        commission: 50,
        tipsNet: 450,
        adShare: 0,
        adShareAwaitingTransfer: 0,
        reversed: 0,
        paidOut: 0,
        inTransit: 0,
      },
    ]);
    expect(ledger.balances).toEqual([{ currency: 'usd', amount: 450 }]);
    expect(await fake.emulator.connectBalance(accountId)).toEqual({ usd: 450 });

    const run = await fake.emulator.runPayouts(accountId);
    await deliver(run.events);
    ledger = await ledgerOf(creator);
    expect(ledger.payouts).toEqual([expect.objectContaining({ amount: 450, status: 'in_transit' })]);
    expect(ledger.balances).toEqual([{ currency: 'usd', amount: 0 }]);
    await deliver((await fake.emulator.settlePayout(run.result[0].id, 'paid')).events);
    ledger = await ledgerOf(creator);
    expect(ledger.payouts).toEqual([
      expect.objectContaining({ payoutId: run.result[0].id, amount: 450, status: 'paid' }),
    ]);
    expect(ledger.totals[0]).toMatchObject({ tipsNet: 450, paidOut: 450, inTransit: 0 });
  }, 90_000);

  it('refuses bad tips with stable codes', async () => {
    const { creator } = await payableCreator();
    const fan = await registerUser(app);
    const notConnected = await registerUser(app);
    const expectProblem = async (body: Record<string, unknown>, status: number, code: string, who = fan) => {
      const answer = await startTip(who, body);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      return answer.body;
    };
    const low = await expectProblem({ creatorId: creator.user.id, amount: 99 }, 400, 'billing.tip.amount-out-of-range');
    expect(low).toMatchObject({ min: 100, max: 50_000 });
    await expectProblem({ creatorId: creator.user.id, amount: 50_001 }, 400, 'billing.tip.amount-out-of-range');
    await expectProblem({ creatorId: creator.user.id, amount: 500 }, 422, 'billing.tip.self', creator);
    await expectProblem({ creatorId: notConnected.user.id, amount: 500 }, 409, 'billing.tip.creator-not-payable');
    await expectProblem({ creatorId: randomUUID(), amount: 500 }, 404, 'billing.tip.creator-not-found');
    await expectProblem({ videoId: randomUUID(), amount: 500 }, 404, 'billing.tip.video-not-found');
    await expectProblem(
      { creatorId: creator.user.id, videoId: randomUUID(), amount: 500 },
      400,
      'billing.tip.target-invalid',
    );
    await expectProblem({ amount: 500 }, 400, 'billing.tip.target-invalid');
    const ledgerRange = await app.request('GET', '/v1/billing/ledger?from=2026-02-01&to=2026-01-01', {
      token: token(creator),
    });
    expect({ status: ledgerRange.status, code: ledgerRange.body.code }).toEqual({
      status: 400,
      code: 'billing.ledger.range-invalid',
    });
    const [{ n }] = await sql<{ n: number }>(app, 'select count(*)::int as n from billing.tips where fan_id = ?', [
      fan.user.id,
    ]);
    expect(n).toBe(0);
  }, 60_000);

  it('settles a tip once whatever the order and duplication of its webhooks; refunds and disputes reverse the creator share once', async () => {
    const { creator, accountId, onboarding } = await payableCreator();
    const fan = await registerUser(app);
    const { tipId, paid } = await paidTip(fan, creator.user.id, 1000);
    // Newest first, each twice: checkout.session.completed arrives before the payment events it depends on.
    const events = asEvents(paid.events).reverse();
    await deliver([...events, ...events]);
    const entries = () => ledgerLinesOf(tipId);
    expect(await entries()).toEqual([{ kind: 'tip', net: 900 }]);

    // A partial refund made in Stripe's dashboard, its event delivered twice.
    const stripe = fake.client();
    const intentId = (paid.result.payment_intent as string) ?? '';
    await stripe.refunds.create({ payment_intent: intentId, amount: 250 });
    const refunded = fake.events.filter((event) => event.type === 'charge.refunded').slice(-1);
    await deliver([...refunded, ...refunded]);
    expect(await entries()).toEqual([
      { kind: 'tip', net: 900 },
      { kind: 'reversal', net: -225 },
    ]);
    const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ['latest_charge'] });
    const charge = intent.latest_charge as Stripe.Charge;
    expect((await stripe.transfers.retrieve(charge.transfer as string)).amount_reversed).toBe(225);

    // Then a dispute: the rest of the creator's share goes back.
    const dispute = await fake.emulator.createDispute(charge.id);
    await deliver([...dispute.events, ...dispute.events]);
    expect(await entries()).toEqual([
      { kind: 'tip', net: 900 },
      { kind: 'reversal', net: -225 },
      { kind: 'reversal', net: -675 },
    ]);
    expect((await stripe.transfers.retrieve(charge.transfer as string)).amount_reversed).toBe(900);
    expect(await tipRowOf(tipId)).toEqual({ status: 'disputed', creator_reversed: 900 });
    expect((await ledgerOf(creator)).balances).toEqual([{ currency: 'usd', amount: 0 }]);
    // The platform's revenue journal nets to nothing as well: tip volume and commission, each reversed once.
    expect(await tipJournalOf(tipId)).toEqual([
      { stream: 'commission', amount: 0, lines: 3 },
      { stream: 'tips', amount: 0, lines: 3 },
    ]);

    // An old account.updated (from onboarding) redelivered late leaves the account as Stripe has it.
    await deliver(onboarding);
    const status = await app.request('GET', '/v1/billing/payout-account', { token: token(creator) });
    expect(status.body.status).toBe('active');

    // Payout events out of order: paid before created ends paid.
    const another = await paidTip(fan, creator.user.id, 300);
    await deliver(another.paid.events);
    const run = await fake.emulator.runPayouts(accountId);
    const settled = await fake.emulator.settlePayout(run.result[0].id, 'paid');
    await deliver([...settled.events, ...run.events, ...settled.events]);
    const ledger = await ledgerOf(creator);
    expect(ledger.payouts).toEqual([expect.objectContaining({ amount: 270, status: 'paid' })]);
  }, 90_000);

  it('a won dispute gives the creator’s share back once, whatever the order and duplication of its webhooks', async () => {
    const { creator, accountId, tipId, chargeId } = await settledTip(1000);
    const dispute = await fake.emulator.createDispute(chargeId);
    await deliver(dispute.events);
    expect(await fake.emulator.connectBalance(accountId)).toEqual({ usd: 0 });
    const won = await fake.emulator.closeDispute(dispute.result.id, 'won');
    // Closed twice, the created event redelivered between them: one reinstatement, one transfer back.
    await deliver([...won.events, ...dispute.events, ...won.events]);
    expect(await ledgerLinesOf(tipId)).toEqual([
      { kind: 'tip', net: 900 },
      { kind: 'reversal', net: -900 },
      { kind: 'reinstatement', net: 900 },
    ]);
    expect(await tipRowOf(tipId)).toEqual({ status: 'paid', creator_reversed: 0 });
    expect(await fake.emulator.connectBalance(accountId)).toEqual({ usd: 900 });
    const ledger = await ledgerOf(creator);
    expect(ledger.totals[0]).toMatchObject({ tipsNet: 900, reversed: 0 });
    expect(ledger.balances).toEqual([{ currency: 'usd', amount: 900 }]);
    expect(await tipJournalOf(tipId)).toEqual([
      { stream: 'commission', amount: 100, lines: 3 },
      { stream: 'tips', amount: 1000, lines: 3 },
    ]);
  }, 90_000);

  it('dispute webhooks of a tip out of order (closed won before created) move nothing', async () => {
    const { accountId, tipId, chargeId } = await settledTip(500);
    const dispute = await fake.emulator.createDispute(chargeId);
    const won = await fake.emulator.closeDispute(dispute.result.id, 'won');
    await deliver([...won.events, ...dispute.events, ...won.events, ...dispute.events]);
    expect(await ledgerLinesOf(tipId)).toEqual([{ kind: 'tip', net: 450 }]);
    expect(await tipRowOf(tipId)).toEqual({ status: 'paid', creator_reversed: 0 });
    expect(await fake.emulator.connectBalance(accountId)).toEqual({ usd: 450 });
  }, 60_000);

  it('holds a creator’s payouts during a suspension and a DMCA takedown, and releases them when resolved', async () => {
    const { creator, accountId } = await payableCreator();
    await eventually(async () => {
      const rows = await sql(app, 'select 1 from studio.people where user_id = ?', [creator.user.id]);
      expect(rows).toHaveLength(1);
    });
    const schedule = async () =>
      (await fake.client().accounts.retrieve(accountId)).settings?.payouts?.schedule.interval;
    const emit = (type: string, consumer: string, payload: Record<string, unknown>) =>
      emitConsumed(app, type, consumer, payload);
    const sanction = (change: 'imposed' | 'lifted') => suspension(app, creator.user.id, change);
    const fan = await registerUser(app);
    const tip = await paidTip(fan, creator.user.id, 1000);
    await deliver(tip.paid.events);

    await sanction('imposed');
    expect(await schedule()).toBe('manual');
    expect(await ledgerOf(creator)).toMatchObject({ payoutsHeld: true, holdReasons: ['suspension'] });
    expect((await fake.emulator.runPayouts(accountId)).result).toEqual([]);
    await sanction('lifted');
    expect(await schedule()).toBe('daily');
    expect((await ledgerOf(creator)).payoutsHeld).toBe(false);

    // A DMCA takedown of one of the creator's videos holds payouts until the video is restored.
    const channelId = await createChannel(app, creator, 'Tip Jar');
    const uploadId = await uploadClip(app, creator, channelId);
    const video = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      token: token(creator),
      body: { title: 'Episode', uploadId },
    });
    expect(video.status).toBe(201);
    // An unpublished video is not one a fan can tip.
    const hidden = await startTip(fan, { videoId: video.body.id, amount: 500 });
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({
      status: 404,
      code: 'billing.tip.video-not-found',
    });
    const actioned = (action: 'remove' | 'restore', rule: string) =>
      emit('trust-safety.content-actioned.v1', 'billing.hold-payouts-on-takedown', {
        decisionId: randomUUID(),
        contentType: 'video',
        contentId: video.body.id,
        action,
        rule,
        reason: 'copyright',
        decidedAt: new Date().toISOString(),
      });
    await actioned('remove', 'dmca');
    expect(await schedule()).toBe('manual');
    expect((await ledgerOf(creator)).holdReasons).toEqual(['dmca']);
    await actioned('restore', 'dmca.counter-notice');
    expect(await schedule()).toBe('daily');
    const run = await fake.emulator.runPayouts(accountId);
    expect(run.result).toEqual([expect.objectContaining({ amount: 900 })]);
  }, 120_000);
});
