import type Stripe from 'stripe';
import { eventually, type TestApp } from '@lib/platform/testing';
import type { FakeStripe } from '../../support/fake-stripe.js';
import {
  planBecomes,
  sql,
  startBillingOnFakeStripe,
  webhooksSettle,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { registerUser, type RegisteredUser } from '../../support/showrunner.js';

const SLOW = 60_000;

describe('offers: an admin shares a code, a fan checks out with it, Stripe discounts the invoices, MRR is net of it', () => {
  let billing: BillingOnFakeStripe;
  let fake: FakeStripe;
  let app: TestApp;
  let admin: string;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    ({ fake, app, adminToken: admin } = billing);
  });
  afterAll(() => billing.close());

  const createOffer = (body: Record<string, unknown>) =>
    app.request('POST', '/v1/admin/offers', { token: admin, body: { name: 'An offer', ...body } });
  const checkout = (user: RegisteredUser, planId: string, offerCode?: string) =>
    app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId, interval: 'month', ...(offerCode ? { offerCode } : {}) },
    });
  /** Delivers Stripe's events to the webhook, then waits for billing to settle them. */
  async function deliver(events: unknown[]) {
    const statuses = await fake.deliver(webhookUrl(app), events as Stripe.Event[]);
    expect(statuses.every((status) => status === 200)).toBe(true);
    await webhooksSettle(app);
  }
  /** Pays a checkout on the (fake) Checkout page and delivers what happened. */
  async function pay(sessionId: string) {
    const paid = await fake.emulator.completeCheckout(sessionId, 'pay');
    await deliver(paid.events);
    return { subscriptionId: paid.result.subscription as string, events: paid.events };
  }
  async function mrrByPlan(): Promise<Record<string, number>> {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const metrics = await app.request('GET', `/v1/admin/billing/metrics?from=${from}&to=${to}&interval=day`, {
      token: admin,
    });
    expect(metrics.status).toBe(200);
    const usd = metrics.body.currencies.find((entry: { currency: string }) => entry.currency === 'usd');
    return usd?.summary.endingMrrByPlan ?? {};
  }

  it(
    'discounts a checkout through a promotion code: the invoice, the redemption (once) and MRR by plan',
    async () => {
      const created = await createOffer({
        code: 'Plus25',
        name: 'A quarter off Creator Plus for 2 months',
        percentOff: 25,
        duration: 'repeating',
        durationInMonths: 2,
        planIds: ['creator-plus'],
        maxRedemptions: 50,
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'Plus25', kind: 'percent', redeemable: true, redemptions: 0 });
      expect(created.body.url).toMatch(/\/offers\/Plus25$/);
      const coupon = await fake.emulator.retrieveCoupon(`offer_${created.body.id}`);
      expect(coupon).toMatchObject({
        percent_off: 25,
        duration: 'repeating',
        duration_in_months: 2,
        max_redemptions: 50,
      });
      expect(coupon.applies_to?.products).toHaveLength(1);

      const shared = await app.request('GET', '/v1/offers/plus25');
      expect(shared.status).toBe(200);
      expect(shared.body).toMatchObject({
        code: 'Plus25',
        percentOff: 25,
        planIds: ['creator-plus'],
        redeemable: true,
      });
      expect(shared.body.id).toBeUndefined();
      expect(shared.body.redemptions).toBeUndefined();

      const before = (await mrrByPlan())['creator-plus'] ?? 0;
      const fan = await registerUser(app);
      const started = await checkout(fan, 'creator-plus', 'PLUS25');
      expect(started.status).toBe(201);
      const session = await fake.emulator.retrieveCheckoutSession(started.body.sessionId);
      expect(session).toMatchObject({ amount_subtotal: 999, amount_total: 749 });
      const { subscriptionId, events } = await pay(started.body.sessionId);
      await planBecomes(app, fan, 'creator-plus');

      const invoices = await app.request('GET', '/v1/billing/invoices', { token: fan.tokens.accessToken });
      expect(invoices.body.items[0]).toMatchObject({ status: 'paid', amountPaid: 749 });
      const stripeSubscription = await fake.emulator.retrieveSubscription(subscriptionId);
      expect(stripeSubscription.discounts).toHaveLength(1);

      // The same events again, and the subscription's own event out of order after the rest: one redemption.
      const subscriptionEvents = events.filter((event) => event.type.startsWith('customer.subscription.'));
      await deliver([
        ...events.filter((event) => !event.type.startsWith('customer.subscription.')),
        ...subscriptionEvents,
      ]);
      const redemptions = await sql<{ n: number }>(
        app,
        'select count(*)::int as n from billing.offer_redemptions where offer_id = ?',
        [created.body.id],
      );
      expect(redemptions).toEqual([{ n: 1 }]);
      const listed = await app.request('GET', '/v1/admin/offers', { token: admin });
      expect(listed.body.find((offer: { id: string }) => offer.id === created.body.id).redemptions).toBe(1);

      expect((await mrrByPlan())['creator-plus']).toBe(before + 749);
    },
    SLOW,
  );

  it(
    'counts no MRR during the trial of a discounted checkout, and the discounted price once it is paid',
    async () => {
      const created = await createOffer({ code: 'PRIME20', percentOff: 20, duration: 'forever', planIds: ['prime'] });
      expect(created.status).toBe(201);
      const before = (await mrrByPlan()).prime ?? 0;
      const fan = await registerUser(app);
      const started = await checkout(fan, 'prime', 'prime20');
      const { subscriptionId } = await pay(started.body.sessionId);
      await planBecomes(app, fan, 'prime');
      expect((await mrrByPlan()).prime ?? 0).toBe(before); // trialing: no MRR, discounted or not

      const ended = await fake.emulator.endTrial(subscriptionId);
      await deliver(ended.events);
      const paid = ended.events.find((event) => event.type === 'invoice.paid')!.data
        .object as unknown as Stripe.Invoice;
      expect(paid).toMatchObject({ subtotal: 499, total: 399 });
      await eventually(async () => expect((await mrrByPlan()).prime).toBe(before + 399));
    },
    SLOW,
  );

  it(
    'gives an extended trial instead of the plan’s own',
    async () => {
      const created = await createOffer({ code: 'TRIAL30', trialDays: 30, planIds: ['prime'] });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'trial', trialDays: 30, duration: null });
      const fan = await registerUser(app);
      const started = await checkout(fan, 'prime', 'TRIAL30');
      expect(started.status).toBe(201);
      const { subscriptionId } = await pay(started.body.sessionId);
      const subscription = await fake.emulator.retrieveSubscription(subscriptionId);
      expect(subscription.trial_end! - subscription.trial_start!).toBe(30 * 86_400);
      await planBecomes(app, fan, 'prime');
    },
    SLOW,
  );

  it(
    'refuses bad offers and bad codes with stable problem codes',
    async () => {
      const both = await createOffer({ code: 'BOTH', percentOff: 10, amountOff: 100, currency: 'usd' });
      expect(both.status).toBe(400);
      expect(both.body.code).toBe('billing.offer.conflicting-discount');
      const tooMuch = await createOffer({ code: 'TOOMUCH', percentOff: 150 });
      expect(tooMuch.status).toBe(400);
      expect(tooMuch.body.code).toBe('billing.offer.percent-out-of-range');
      const taken = await createOffer({ code: 'plus25', percentOff: 10 });
      expect(taken.status).toBe(409);
      expect(taken.body.code).toBe('billing.offer.code-taken');
      const fan = await registerUser(app);
      const notAdmin = await app.request('POST', '/v1/admin/offers', {
        token: fan.tokens.accessToken,
        body: { code: 'MINE', name: 'x', percentOff: 99 },
      });
      expect(notAdmin.status).toBe(403);

      const unknown = await checkout(fan, 'prime', 'NOSUCHCODE');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('billing.offer.not-found');
      expect((await app.request('GET', '/v1/offers/NOSUCHCODE')).body.code).toBe('billing.offer.not-found');

      const wrongPlan = await checkout(fan, 'prime', 'PLUS25');
      expect(wrongPlan.status).toBe(422);
      expect(wrongPlan.body.code).toBe('billing.offer.plan-not-eligible');

      const once = await createOffer({ code: 'ONLYONE', amountOff: 300, currency: 'usd', maxRedemptions: 1 });
      expect(once.status).toBe(201);
      const first = await registerUser(app);
      await pay((await checkout(first, 'studio-pro', 'ONLYONE')).body.sessionId);
      await planBecomes(app, first, 'studio-pro');
      const exhausted = await checkout(fan, 'studio-pro', 'ONLYONE');
      expect(exhausted.status).toBe(422);
      expect(exhausted.body.code).toBe('billing.offer.exhausted');
      expect((await app.request('GET', '/v1/offers/ONLYONE')).body).toMatchObject({
        redeemable: false,
        unavailableReason: 'billing.offer.exhausted',
      });

      const expiring = await createOffer({ code: 'SUMMER', percentOff: 10 });
      await sql(app, `update billing.offers set valid_until = now() - interval '1 day' where id = ?`, [
        expiring.body.id,
      ]);
      const expired = await checkout(fan, 'prime', 'SUMMER');
      expect(expired.status).toBe(422);
      expect(expired.body.code).toBe('billing.offer.expired');

      const withdrawn = await createOffer({ code: 'GONE', percentOff: 10 });
      const archived = await app.request('POST', `/v1/admin/offers/${withdrawn.body.id}/archive`, { token: admin });
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ archived: true, redeemable: false });
      const promotionCode = await fake.emulator.retrievePromotionCode(
        (
          await sql<{ id: string }>(app, 'select provider_promotion_code_id as id from billing.offers where code = ?', [
            'GONE',
          ])
        )[0].id,
      );
      expect(promotionCode.active).toBe(false);
      const refused = await checkout(fan, 'prime', 'GONE');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('billing.offer.archived');
      const missing = await app.request('POST', '/v1/admin/offers/0193f000-0000-7000-8000-00000000beef/archive', {
        token: admin,
      });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('billing.offer.not-found');
    },
    SLOW,
  );
});
