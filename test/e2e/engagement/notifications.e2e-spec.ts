import type Stripe from 'stripe';
import { eventsConsumed, eventually, type TestApp } from '@lib/platform/testing';
import { startBillingOnFakeStripe, subscribe, webhookUrl, type BillingOnFakeStripe } from '../../support/billing.js';
import { connectSocket, nextEvent, registerUser, type RegisteredUser } from '../../support/showrunner.js';

describe('notifications: persisted, pushed, grouped, read, with preferences', () => {
  let billing: BillingOnFakeStripe;
  let app: TestApp;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    app = billing.app;
  });
  afterAll(() => billing.close());

  const token = (user: RegisteredUser) => ({ token: user.tokens.accessToken });
  const notifications = (user: RegisteredUser, query = '') =>
    app.request('GET', `/v1/notifications${query}`, token(user));
  /** Waits until the notifier has handled every follow of `followee` (by `follower`, if given): at least `count` of them. */
  const followsNotified = (followee: RegisteredUser, count: number, follower?: RegisteredUser) =>
    eventsConsumed(app, 'engagement.notify-new-follower', {
      type: 'engagement.user-followed.v1',
      payload: { followeeId: followee.user.id, ...(follower ? { followerId: follower.user.id } : {}) },
      atLeast: count,
    });

  /** A user engagement knows about, whose welcome notification has arrived. */
  async function person(): Promise<RegisteredUser> {
    const user = await registerUser(app);
    await eventually(async () =>
      expect((await notifications(user)).body.items.map((n: { type: string }) => n.type)).toContain('account.welcome'),
    );
    return user;
  }

  it('welcomes a new user', async () => {
    const user = await person();
    const list = await notifications(user);
    expect(list.body).toMatchObject({
      unread: 1,
      items: [{ type: 'account.welcome', count: 1, read: false, data: { displayName: user.user.displayName } }],
    });
  });

  it('groups new followers into one unread notification, pushed live to every device', async () => {
    const creator = await person();
    await app.request('POST', '/v1/notifications/read-all', token(creator));
    const [phone, laptop] = await Promise.all([
      connectSocket(app, { token: creator.tokens.accessToken }),
      connectSocket(app, { token: creator.tokens.accessToken }),
    ]);
    try {
      const fans = [await person(), await person(), await person()];
      const pushed = Promise.all([nextEvent(phone, 'notification:new'), nextEvent(laptop, 'notification:new')]);
      await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fans[0]));
      const [onPhone, onLaptop] = await pushed;
      expect(onPhone).toMatchObject({ type: 'follower.new', count: 1, actorIds: [fans[0].user.id] });
      expect(onLaptop.id).toBe(onPhone.id);

      for (const fan of fans.slice(1)) await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fan));
      await eventually(async () => {
        const list = await notifications(creator, '?unread=true');
        expect(list.body.items).toHaveLength(1);
        expect(list.body.items[0]).toMatchObject({ type: 'follower.new', count: 3 });
        // Newest first; the two later follows may be consumed in either order (consumers run in parallel).
        expect(list.body.items[0].actorIds.at(-1)).toBe(fans[0].user.id);
        expect([...list.body.items[0].actorIds].sort()).toEqual(fans.map((f) => f.user.id).sort());
        // Each actor comes with what a client shows of them, in the same order: no call per person.
        expect(list.body.items[0].actors).toEqual(
          list.body.items[0].actorIds.map((userId: string) => {
            const fan = fans.find((f) => f.user.id === userId)!;
            return { userId, handle: fan.user.handle, displayName: fan.user.displayName, avatarUrl: null };
          }),
        );
      });
      // An unfollow and a follow again by the same fan is not a new follower.
      await app.request('DELETE', `/v1/creators/${creator.user.id}/follow`, token(fans[0]));
      await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fans[0]));
      await followsNotified(creator, 2, fans[0]); // the first follow and this one
      expect((await notifications(creator, '?unread=true')).body.items[0].count).toBe(3);

      // Once read, the next follower starts a new group.
      const read = await app.request('POST', '/v1/notifications/read-all', token(creator));
      expect(read.body).toEqual({ marked: 1, unread: 0 });
      const late = await person();
      await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(late));
      await eventually(async () =>
        expect((await notifications(creator, '?unread=true')).body.items).toMatchObject([
          { count: 1, actorIds: [late.user.id] },
        ]),
      );
    } finally {
      phone.close();
      laptop.close();
    }
  });

  it('hears nothing from muted people, and honours turning a type off', async () => {
    const [creator, muted, fan] = [await person(), await person(), await person()];
    await app.request('POST', '/v1/notifications/read-all', token(creator));
    await app.request('POST', `/v1/users/${muted.user.id}/mute`, token(creator));
    await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(muted));
    const off = await app.request('PUT', '/v1/notifications/preferences', {
      ...token(creator),
      body: { preferences: { 'follower.new': { inApp: false } } },
    });
    expect(off.status).toBe(200);
    expect(off.body['follower.new']).toEqual({ inApp: false, email: false });
    await app.request('POST', `/v1/creators/${creator.user.id}/follow`, token(fan));
    await followsNotified(creator, 2); // the muted person's follow and the fan's
    expect((await notifications(creator, '?unread=true')).body.items).toEqual([]);
    expect((await app.request('GET', '/v1/notifications/preferences', token(creator))).body['follower.new']).toEqual({
      inApp: false,
      email: false,
    });
  });

  it('marks one notification read, and refuses someone else’s (404) and bad input (400)', async () => {
    const [user, other] = [await person(), await person()];
    const [welcome] = (await notifications(user)).body.items;
    expect((await app.request('POST', `/v1/notifications/${welcome.id}/read`, token(other))).status).toBe(404);
    const read = await app.request('POST', `/v1/notifications/${welcome.id}/read`, token(user));
    expect(read.body).toEqual({ marked: 1, unread: 0 });
    expect((await app.request('POST', '/v1/notifications/not-a-uuid/read', token(user))).status).toBe(400);
    const badType = await app.request('PUT', '/v1/notifications/preferences', {
      ...token(user),
      body: { preferences: { 'no.such.type': { inApp: true } } },
    });
    expect(badType.status).toBe(400);
    const badFlag = await app.request('PUT', '/v1/notifications/preferences', {
      ...token(user),
      body: { preferences: { mention: { inApp: 'yes' } } },
    });
    expect(badFlag.status).toBe(400);
  });

  it('tells the payer when a renewal payment fails (dunning)', async () => {
    const user = await person();
    const { subscriptionId } = await subscribe(app, billing.fake, user, 'creator-plus');
    const customer = (await billing.fake.client().subscriptions.retrieve(subscriptionId)).customer as string;
    await billing.fake.emulator.setPaymentOutcome(customer, 'decline');
    await billing.fake.deliver(
      webhookUrl(app),
      (await billing.fake.emulator.renew(subscriptionId)).events as unknown as Stripe.Event[],
    );
    await eventually(async () => {
      const list = await notifications(user);
      expect(list.body.items[0]).toMatchObject({
        type: 'billing.payment-failed',
        data: { amountDue: 999, currency: 'usd', attempt: 1 },
      });
      expect(list.body.items[0].data.payUrl).toEqual(expect.stringContaining('http'));
    });
  });

  it('tells the subscriber when paid access starts', async () => {
    const user = await person();
    const { subscriptionId } = await subscribe(app, billing.fake, user, 'creator-plus');
    await eventually(async () => {
      const items = (await notifications(user)).body.items;
      expect(items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'subscription.activated',
            subjectId: expect.any(String),
            data: expect.objectContaining({ planId: 'creator-plus' }),
          }),
        ]),
      );
    });
    expect(subscriptionId).toEqual(expect.any(String));
  });
});
