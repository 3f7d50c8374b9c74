import { chromium, type Browser } from 'playwright-core';
import type { TestApp } from '@lib/platform/testing';
import { planBecomes, sql, webhooksSettle } from '../../support/billing.js';
import { registerUser, startShowrunner } from '../../support/showrunner.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('the sandbox payment provider (no Stripe keys): a real browser on the checkout page', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startShowrunner();
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

  it('answers 404 for an unknown sandbox page', async () => {
    const answer = await app.request('GET', '/sandbox/checkout/cs_test_nothing');
    expect(answer.status).toBe(404);
  });
});
