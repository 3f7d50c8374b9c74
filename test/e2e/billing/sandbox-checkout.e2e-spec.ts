import { chromium, type Browser } from 'playwright-core';
import type { TestApp } from '@lib/platform/testing';
import { planBecomes, sql, webhooksSettle } from '../../support/billing.js';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ADMIN = { email: 'sandbox-admin@example.com', password: 'an admin password for tests' };

describe('the sandbox payment provider (no Stripe keys): a real browser on the checkout page', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** The checkout page as the API links it, on the test server's real address. */
  async function checkoutPage(token: string, planId: string) {
    const checkout = await app.request('POST', '/v1/billing/checkout', { token, body: { planId, interval: 'month' } });
    expect(checkout.status).toBe(201);
    const url = new URL(checkout.body.checkoutUrl);
    expect(url.pathname).toBe(`/sandbox/checkout/${checkout.body.sessionId}`);
    const page = await browser.newPage();
    await page.goto(`${app.url}${url.pathname}`);
    return { page, sessionId: checkout.body.sessionId as string };
  }

  it('goes from Free to Prime by pressing Pay, through the same webhook pipeline as Stripe, and back to Free', async () => {
    const user = await registerUser(app);
    const { page } = await checkoutPage(user.tokens.accessToken, 'prime');
    await page.getByRole('heading', { name: 'Subscribe to Prime' }).waitFor();
    expect(await page.textContent('body')).toContain('$4.99');
    await page.getByRole('button', { name: 'Pay' }).click();
    await page.getByRole('heading', { name: 'Payment complete' }).waitFor();
    await page.close();

    const overview = await planBecomes(app, user, 'prime');
    expect(overview.entitlements).toMatchObject({ ad_free: true, early_access: true, library_items: 'unlimited' });
    expect(overview.subscription).toMatchObject({ planId: 'prime', status: 'trialing' });
    await webhooksSettle(app);
    const stored = await sql<{ provider: string; n: number }>(
      app,
      `select provider, count(*)::int as n from billing.webhook_events group by provider`,
    );
    expect(stored).toEqual([{ provider: 'stripe', n: expect.any(Number) }]);

    // The invoice links lead to the sandbox's own invoice page.
    const [invoice] = (await app.request('GET', '/v1/billing/invoices', { token: user.tokens.accessToken })).body.items;
    const invoicePage = await app.request('GET', new URL(invoice.hostedUrl).pathname);
    expect(invoicePage.status).toBe(200);
    expect(invoicePage.body).toContain(invoice.number);

    const cancel = await app.request('POST', '/v1/billing/subscription/cancel', {
      token: user.tokens.accessToken,
      body: { atPeriodEnd: false, reason: 'unused' },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('canceled');
    await planBecomes(app, user, 'free');
  });

  it('stays on Free when the card is declined', async () => {
    const user = await registerUser(app);
    const { page, sessionId } = await checkoutPage(user.tokens.accessToken, 'creator-plus');
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('heading', { name: 'Payment declined' }).waitFor();
    await page.close();
    await webhooksSettle(app);
    const [session] = await sql<{ status: string }>(app, `select status from billing.checkout_sessions where id = ?`, [
      sessionId,
    ]);
    expect(session.status).toBe('expired');
    const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(overview.body).toMatchObject({ planId: 'free', subscription: null });
  });

  it('takes a promotion code typed on the checkout page (as Stripe’s page does) and records the offer’s redemption', async () => {
    const admin = (await app.request('POST', '/v1/auth/login', { body: ADMIN })).body.tokens.accessToken as string;
    const offer = await app.request('POST', '/v1/admin/offers', {
      token: admin,
      body: { code: 'HALFPRIME', name: 'Half off Prime', percentOff: 50, duration: 'once', planIds: ['prime'] },
    });
    expect(offer.status).toBe(201);
    const user = await registerUser(app);
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId: 'prime', interval: 'month' },
    });
    const path = new URL(checkout.body.checkoutUrl).pathname;
    expect((await app.request('GET', path)).body).toContain('name="promotion_code"');
    const unknown = await app.request('GET', `${path}?promotion_code=NOPE`);
    expect(unknown.body).toContain('This code is invalid.');
    expect(unknown.body).not.toContain('/pay?promotion_code=');
    const applied = await app.request('GET', `${path}?promotion_code=halfprime`);
    expect(applied.body).toContain('Code HALFPRIME applied: 50% off once');
    expect(applied.body).toContain(`${path}/pay?promotion_code=HALFPRIME`);

    // A refused code leaves the checkout open; the right one pays with the discount.
    const refused = await app.request('POST', `${path}/pay?promotion_code=NOPE`);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 422,
      code: 'billing.sandbox-checkout.promotion-code-invalid',
    });
    // The test client follows the 303 back to the checkout page, which shows the outcome.
    const paid = await app.request('POST', `${path}/pay?promotion_code=HALFPRIME`);
    expect(paid.status).toBe(200);
    expect(paid.body).toContain('Payment complete');
    await planBecomes(app, user, 'prime');
    await webhooksSettle(app);
    const [redemption] = await sql<{ offer_id: string }>(
      app,
      `select r.offer_id from billing.offer_redemptions r join billing.subscriptions s on s.id = r.subscription_id
       where s.user_id = ?`,
      [user.user.id],
    );
    expect(redemption).toEqual({ offer_id: offer.body.id });
    const [subscription] = await sql<{ offer_id: string }>(
      app,
      'select offer_id from billing.subscriptions where user_id = ?',
      [user.user.id],
    );
    expect(subscription.offer_id).toBe(offer.body.id);
  }, 60_000);

  it('answers 404 for an unknown sandbox page', async () => {
    const answer = await app.request('GET', '/sandbox/checkout/cs_test_nothing');
    expect(answer.status).toBe(404);
  });
});
