import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { consumed, eventsConsumed, eventually, outboxEventIds, type TestApp } from '@lib/platform/testing';
import { AccountBillingHold } from '@lib/billing/contracts';
import type { FakeStripe } from '../../support/fake-stripe.js';
import type Stripe from 'stripe';
import {
  sql,
  startBillingOnFakeStripe,
  subscribe,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { ask, auth, newClientMessageId, person } from '../../support/messaging.js';
import { comment, publishedVideo } from '../../support/comments.js';
import { ADMIN, moderator, report } from '../../support/moderation.js';
import { createChannel, studioPerson } from '../studio/studio-helpers.js';
import { connectSocket, registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('trust & safety: what a suspension does (writes refused on HTTP and sockets, billing held)', () => {
  let billing: BillingOnFakeStripe;
  let fake: FakeStripe;
  let app: TestApp;
  let mod: RegisteredUser;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe((env) => startShowrunner(env), ADMIN);
    ({ fake, app } = billing);
    mod = await moderator(app, billing.adminToken);
  }, 60_000);
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => billing.close());

  async function suspend(user: RegisteredUser) {
    const reporter = await person(app);
    expect((await report(app, reporter, { type: 'user', id: user.user.id })).status).toBe(200);
    const page = await app.request('GET', '/v1/admin/moderation/queue?limit=100', auth(mod));
    const itemId = (page.body.items as any[]).find((item) => item.target.id === user.user.id).id as string;
    const decided = await app.request('POST', `/v1/admin/moderation/queue/${itemId}/actions`, {
      ...auth(mod),
      body: { action: 'suspend', reason: 'Repeated abuse' },
    });
    expect(decided.status).toBe(200);
    return decided.body;
  }
  /** A sanction change entering through the outbox exactly as trust & safety writes one. */
  async function sanctionEvent(userId: string, change: 'imposed' | 'lifted') {
    const id = randomUUID();
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
      [
        id,
        'trust-safety.account-sanction-changed.v1',
        JSON.stringify({ userId, sanction: 'suspension', change, until: null, changedAt: new Date().toISOString() }),
        userId,
      ],
    );
    await consumed(app, id, 'billing.hold-on-account-sanction');
    await consumed(app, id, 'engagement.hide-comments-of-sanctioned');
  }
  const statusOf = async (userId: string) =>
    (await sql<{ status: string }>(app, 'select status from billing.subscriptions where user_id = ?', [userId]))[0]
      ?.status;
  const invoicesOf = (subscriptionId: string) =>
    fake.events.filter(
      (event) =>
        event.type === 'invoice.created' && JSON.stringify(event.data.object.parent ?? {}).includes(subscriptionId),
    ).length;

  it('refuses a suspended account’s socket writes like its HTTP writes; reads still answer', async () => {
    const [sam, friend] = [await person(app), await person(app)];
    const socket = await connectSocket(app, { token: sam.tokens.accessToken });
    sockets.push(socket);
    const before = await ask(socket, 'message:send', {
      recipientId: friend.user.id,
      text: 'before',
      clientMessageId: newClientMessageId(),
    });
    expect(before.message).toBeDefined();

    await suspend(sam);
    // The socket opened before the suspension is still connected, but every write is refused.
    const send = await ask(socket, 'message:send', {
      recipientId: friend.user.id,
      text: 'after',
      clientMessageId: newClientMessageId(),
    });
    expect(send.error).toMatchObject({ status: 403, code: 'trust-safety.account.suspended' });
    const typing = await ask(socket, 'typing', { conversationId: before.message.conversationId, state: 'start' });
    expect(typing.error).toMatchObject({ code: 'trust-safety.account.suspended' });
    expect(await ask(socket, 'session:whoami', {})).toMatchObject({ userId: sam.user.id });

    const http = await app.request('POST', `/v1/users/${friend.user.id}/messages`, {
      ...auth(sam),
      body: { text: 'over http', clientMessageId: newClientMessageId() },
    });
    expect(http.status).toBe(403);
    expect(http.body.code).toBe('trust-safety.account.suspended');
    // The friend's socket writes are untouched.
    const other = await connectSocket(app, { token: friend.tokens.accessToken });
    sockets.push(other);
    const reply = await ask(other, 'message:send', {
      conversationId: before.message.conversationId,
      text: 'still here',
      clientMessageId: newClientMessageId(),
    });
    expect(reply.message).toBeDefined();
  }, 60_000);

  it('holds billing while suspended: the subscription is paused, nothing is invoiced or charged; lifting resumes it', async () => {
    const payer = await registerUser(app);
    const { subscriptionId } = await subscribe(app, fake, payer, 'creator-plus');
    const invoicesBefore = invoicesOf(subscriptionId);
    expect(invoicesBefore).toBe(1);

    await suspend(payer);
    expect(
      await outboxEventIds(app, 'trust-safety.account-sanction-changed.v1', {
        userId: payer.user.id,
        sanction: 'suspension',
        change: 'imposed',
      }),
    ).toHaveLength(1);
    await eventsConsumed(app, 'billing.hold-on-account-sanction', {
      type: 'trust-safety.account-sanction-changed.v1',
      payload: { userId: payer.user.id },
    });
    await eventually(async () => expect(await statusOf(payer.user.id)).toBe('paused'));
    const hold = await app.app.get(AccountBillingHold).holdOf(payer.user.id);
    expect(hold).toMatchObject({ userId: payer.user.id, sanctions: ['suspension'] });
    expect(hold!.pausedSubscriptionIds).toHaveLength(1);

    // The provider's renewal does not run on a paused subscription: no invoice, no charge.
    const chargesBefore = fake.events.filter((event) => event.type === 'charge.succeeded').length;
    await expect(fake.emulator.renew(subscriptionId)).rejects.toThrow(/paused/);
    expect(invoicesOf(subscriptionId)).toBe(invoicesBefore);
    expect(fake.events.filter((event) => event.type === 'charge.succeeded').length).toBe(chargesBefore);

    // A redelivered suspension pauses nothing twice; lifting it (the appeals work publishes `lifted`) resumes collection.
    await sanctionEvent(payer.user.id, 'imposed');
    await sanctionEvent(payer.user.id, 'lifted');
    await eventually(async () => expect(await statusOf(payer.user.id)).toBe('active'));
    expect(fake.events.filter((event) => event.type === 'customer.subscription.paused')).toHaveLength(1);
    expect(await app.app.get(AccountBillingHold).holdOf(payer.user.id)).toBeNull();
  }, 90_000);

  it('holds trialing and past-due subscriptions too: collection held (a trial ending meanwhile is not charged, a debt is not retried), released on lift', async () => {
    const stripe = fake.client();
    const trialer = await registerUser(app);
    const trial = await subscribe(app, fake, trialer, 'prime');
    expect(await statusOf(trialer.user.id)).toBe('trialing');
    const debtor = await registerUser(app);
    const debt = await subscribe(app, fake, debtor, 'creator-plus');
    const customer = (await stripe.subscriptions.retrieve(debt.subscriptionId)).customer as string;
    await fake.emulator.setPaymentOutcome(customer, 'decline');
    const failed = await fake.emulator.renew(debt.subscriptionId);
    await fake.deliver(webhookUrl(app), failed.events as unknown as Stripe.Event[]);
    await eventually(async () => expect(await statusOf(debtor.user.id)).toBe('past_due'));
    const openInvoice = (await stripe.subscriptions.retrieve(debt.subscriptionId)).latest_invoice as string;

    await sanctionEvent(trialer.user.id, 'imposed');
    await sanctionEvent(debtor.user.id, 'imposed');
    for (const [user, subscriptionId] of [
      [trialer, trial.subscriptionId],
      [debtor, debt.subscriptionId],
    ] as const) {
      expect((await stripe.subscriptions.retrieve(subscriptionId)).pause_collection).toMatchObject({
        behavior: 'void',
      });
      expect((await app.app.get(AccountBillingHold).holdOf(user.user.id))!.pausedSubscriptionIds).toHaveLength(1);
    }
    // The debt stays, but Stripe no longer retries it.
    expect(await stripe.invoices.retrieve(openInvoice)).toMatchObject({ status: 'open', auto_advance: false });
    await expect(fake.emulator.retryInvoicePayment(openInvoice)).rejects.toThrow(/auto_advance/);
    // The trial ends while held: its first invoice is voided, nothing is charged.
    const chargesBefore = fake.events.filter((event) => event.type.startsWith('charge.')).length;
    await fake.emulator.renew(trial.subscriptionId);
    const afterTrial = await stripe.subscriptions.retrieve(trial.subscriptionId);
    expect(await stripe.invoices.retrieve(afterTrial.latest_invoice as string)).toMatchObject({
      status: 'void',
      amount_paid: 0,
    });
    expect(fake.events.filter((event) => event.type.startsWith('charge.')).length).toBe(chargesBefore);

    // Lifted: collection is back for both, and the debt is retried (and paid) again.
    await sanctionEvent(trialer.user.id, 'lifted');
    await sanctionEvent(debtor.user.id, 'lifted');
    expect((await stripe.subscriptions.retrieve(trial.subscriptionId)).pause_collection).toBeNull();
    expect((await stripe.subscriptions.retrieve(debt.subscriptionId)).pause_collection).toBeNull();
    expect(await stripe.invoices.retrieve(openInvoice)).toMatchObject({ auto_advance: true });
    await fake.emulator.setPaymentOutcome(customer, 'succeed');
    await fake.emulator.retryInvoicePayment(openInvoice);
    expect(await stripe.invoices.retrieve(openInvoice)).toMatchObject({ status: 'paid' });
    expect(await app.app.get(AccountBillingHold).holdOf(debtor.user.id)).toBeNull();
  }, 90_000);

  it('takes a suspended author’s comments off the page and brings back exactly those on lift', async () => {
    const creator = await studioPerson(app);
    const videoId = await publishedVideo(app, creator, await createChannel(app, creator));
    const [ada, bea] = [await person(app), await person(app)];
    const first = await comment(app, ada, videoId, 'first from ada');
    await comment(app, ada, videoId, 'second from ada');
    await comment(app, bea, videoId, 'bea answers', first.id);
    const page = async () => (await app.request('GET', `/v1/videos/${videoId}/comments`, auth(bea))).body;
    expect((await page()).total).toBe(3);

    await suspend(ada);
    await eventsConsumed(app, 'engagement.hide-comments-of-sanctioned', {
      type: 'trust-safety.account-sanction-changed.v1',
      payload: { userId: ada.user.id },
    });
    await eventually(async () => {
      const now = await page();
      // Bea's reply stays counted: only the suspended author's comments leave.
      expect(now.total).toBe(1);
      expect(JSON.stringify(now)).not.toContain('from ada');
    });

    await sanctionEvent(ada.user.id, 'lifted');
    await eventually(async () => expect((await page()).total).toBe(3));
    expect(JSON.stringify(await page())).toContain('first from ada');
  }, 90_000);

  it('takes a suspended creator’s videos out of trending and recommendations when the suspension lands, not at the next recompute; back on lift', async () => {
    const creator = await studioPerson(app);
    const videoId = await publishedVideo(app, creator, await createChannel(app, creator));
    const listed = async () =>
      (
        (await app.request('GET', `/v1/recommendations?count=50&creator=${creator.user.id}`)).body.items as Array<{
          videoId: string;
        }>
      ).map((item) => item.videoId);
    await eventually(async () => expect(await listed()).toContain(videoId));

    await suspend(creator);
    await eventsConsumed(app, 'engagement.track-trend-eligibility', {
      type: 'trust-safety.account-sanction-changed.v1',
      payload: { userId: creator.user.id },
    });
    expect(await listed()).not.toContain(videoId);
    // A redelivered or stray "lifted" while the suspension is still in force changes nothing: the standing is asked.
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
      [
        randomUUID(),
        'trust-safety.account-sanction-changed.v1',
        JSON.stringify({
          userId: creator.user.id,
          sanction: 'suspension',
          change: 'lifted',
          until: null,
          changedAt: new Date().toISOString(),
        }),
        creator.user.id,
      ],
    );
    await eventsConsumed(app, 'engagement.track-trend-eligibility', {
      type: 'trust-safety.account-sanction-changed.v1',
      payload: { userId: creator.user.id, change: 'lifted' },
    });
    expect(await listed()).not.toContain(videoId);

    const lifted = await app.request('POST', `/v1/admin/moderation/accounts/${creator.user.id}/lift`, {
      ...auth(mod),
      body: { sanction: 'suspension', reason: 'Appeal accepted' },
    });
    expect(lifted.status).toBe(200);
    await eventually(async () => expect(await listed()).toContain(videoId), { timeoutMs: 30_000 });
  }, 90_000);
});
