import type Stripe from 'stripe';
import type { Socket } from 'socket.io-client';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { eventsConsumed, eventually, outboxEventIds, type TestApp } from '@lib/platform/testing';
import { UnitOfWork, type ConsumerContext } from '@lib/platform';
import { AccountBillingHold } from '@lib/billing/contracts';
import { AccountSanctionChangedV1 } from '@lib/trust-safety/contracts';
import { HoldBillingOnAccountSanction } from '../../../libs/billing/src/application/holds/hold-billing-on-account-sanction.js';
import type { FakeStripe } from '../../support/fake-stripe.js';
import { sql, startBillingOnFakeStripe, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { ask, auth, newClientMessageId, person } from '../../support/messaging.js';
import { ADMIN, moderator, report } from '../../support/moderation.js';
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
  const statusOf = async (userId: string) =>
    (await sql<{ status: string }>(app, 'select status from billing.subscriptions where user_id = ?', [userId]))[0]
      ?.status;
  const invoicesOf = (subscriptionId: string) =>
    fake.events.filter(
      (event) =>
        event.type === 'invoice.created' &&
        JSON.stringify((event.data.object as Stripe.Invoice).parent ?? {}).includes(subscriptionId),
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

    const decision = await suspend(payer);
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

    // A redelivered suspension pauses nothing twice.
    const lift = (change: 'imposed' | 'lifted') =>
      RequestContext.create(app.app.get(MikroORM).em, () =>
        app.app.get(UnitOfWork).transactional(() =>
          app.app.get(HoldBillingOnAccountSanction).handle({
            event: new AccountSanctionChangedV1({
              userId: payer.user.id,
              sanction: 'suspension',
              change,
              until: null,
              changedAt: change === 'imposed' ? decision.createdAt : new Date().toISOString(),
            }),
          } as ConsumerContext<AccountSanctionChangedV1>),
        ),
      );
    await lift('imposed');
    expect(await statusOf(payer.user.id)).toBe('paused');

    // Lifting (the appeals work publishes `lifted`): collection resumes.
    await lift('lifted');
    expect(await statusOf(payer.user.id)).toBe('active');
    expect(await app.app.get(AccountBillingHold).holdOf(payer.user.id)).toBeNull();
  }, 90_000);
});
