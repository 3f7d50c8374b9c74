import type { TestApp } from '@lib/platform/testing';
import { eventually } from '@lib/platform/testing';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/**
 * The sandbox payment provider (no Stripe keys), through its pages only: the creator onboards on the sandbox's
 * Express page, a fan tips and pays on the checkout page, the emulator's events run through the webhook pipeline,
 * the creator's ledger shows the tip net of the commission, and "Pay out now" ends in a paid payout.
 */
describe('tips on the sandbox: onboard → tip → ledger → payout', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  }, 120_000);
  afterAll(() => app?.close(), 60_000);

  const token = (user: RegisteredUser) => user.tokens.accessToken;
  const submit = (path: string) => fetch(`${app.url}${path}`, { method: 'POST', redirect: 'manual' });
  const ledgerOf = async (user: RegisteredUser) =>
    (await app.request('GET', '/v1/billing/ledger', { token: token(user) })).body;

  it('runs the whole flow on the sandbox pages', async () => {
    const creator = await registerUser(app);
    const fan = await registerUser(app);

    const connect = await app.request('POST', '/v1/billing/payout-account', { token: token(creator), body: {} });
    expect(connect.status).toBe(201);
    const onboarding = new URL(connect.body.onboardingUrl).pathname;
    expect(onboarding).toMatch(/^\/sandbox\/connect\/aclink_/);
    expect(await (await fetch(`${app.url}${onboarding}`)).text()).toContain('Complete onboarding');
    // Before onboarding finishes the creator cannot be tipped.
    const early = await app.request('POST', '/v1/tips', {
      token: token(fan),
      body: { creatorId: creator.user.id, amount: 500 },
    });
    expect({ status: early.status, code: early.body.code }).toEqual({
      status: 409,
      code: 'billing.tip.creator-not-payable',
    });

    expect((await submit(`${onboarding}/complete`)).status).toBe(303);
    expect((await submit(`${onboarding}/complete`)).status).toBe(404);
    await eventually(async () => {
      const status = await app.request('GET', '/v1/billing/payout-account', { token: token(creator) });
      expect(status.body.status).toBe('active');
    });

    const tip = await app.request('POST', '/v1/tips', {
      token: token(fan),
      body: { creatorId: creator.user.id, amount: 1000, message: 'Thank you for the show' },
    });
    expect(tip.status).toBe(201);
    const checkout = new URL(tip.body.checkoutUrl).pathname;
    const page = await (await fetch(`${app.url}${checkout}`)).text();
    expect(page).toContain('Pay for a tip');
    expect(page).toContain('$10.00');
    expect((await submit(`${checkout}/pay`)).status).toBe(303);

    await eventually(async () => {
      const ledger = await ledgerOf(creator);
      expect(ledger.entries).toEqual([
        expect.objectContaining({ kind: 'tip', gross: 1000, commission: 100, net: 900 }),
      ]);
      expect(ledger.balances).toEqual([{ currency: 'usd', amount: 900 }]);
    });
    expect(await (await fetch(`${app.url}${onboarding}`)).text()).toContain('$9.00');

    expect((await submit(`${onboarding}/payout`)).status).toBe(303);
    await eventually(async () => {
      const ledger = await ledgerOf(creator);
      expect(ledger.payouts).toEqual([expect.objectContaining({ amount: 900, status: 'paid' })]);
      expect(ledger.balances).toEqual([{ currency: 'usd', amount: 0 }]);
    });
  }, 90_000);
});
