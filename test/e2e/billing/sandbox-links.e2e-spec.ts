import type { TestApp } from '@lib/platform/testing';
import { planBecomes, sql, webhooksSettle } from '../../support/billing.js';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/** The sandbox's pages are reached by link alone; these tests play the customer who double-clicks and the stranger who finds a link. */
describe('the sandbox payment pages: links expire, a finished checkout stays finished, portal actions need a one-time token', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({
      APP_URL: 'https://app.example.com',
      APP_RETURN_ORIGINS: 'https://m.example.com,myapp://',
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A form post as the browser sends it, without following the 303. */
  const submit = (path: string) => fetch(`${app.url}${path}`, { method: 'POST', redirect: 'manual' });
  const problem = async (response: Response) => ({
    status: response.status,
    code: ((await response.json()) as { code: string }).code,
  });

  async function startCheckout(user: RegisteredUser, planId = 'prime'): Promise<string> {
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: user.tokens.accessToken,
      body: { planId, interval: 'month' },
    });
    expect(checkout.status).toBe(201);
    return checkout.body.sessionId as string;
  }

  /** Time passes for one sandbox object: its `created` (and `expires_at`, if any) move back by `seconds`. */
  async function age(objectId: string, seconds: number): Promise<void> {
    await sql(
      app,
      `update billing.sandbox_objects
          set data = data || jsonb_build_object('created', (data->>'created')::bigint - ?::bigint)
                          || case when data->'expires_at' is not null then jsonb_build_object('expires_at', (data->>'expires_at')::bigint - ?::bigint) else '{}'::jsonb end
        where id = ?`,
      [seconds, seconds, objectId],
    );
  }

  async function sandboxInvoicesOf(customerId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(
      app,
      `select count(*)::int as n from billing.sandbox_objects where object = 'invoice' and data->>'customer' = ?`,
      [customerId],
    );
    return row.n;
  }

  async function subscribedUser(): Promise<RegisteredUser> {
    const user = await registerUser(app);
    const sessionId = await startCheckout(user);
    expect((await submit(`/sandbox/checkout/${sessionId}/pay`)).status).toBe(303);
    await planBecomes(app, user, 'prime');
    await webhooksSettle(app);
    return user;
  }

  async function portalLink(user: RegisteredUser): Promise<{ path: string; portalId: string; customerId: string }> {
    const portal = await app.request('POST', '/v1/billing/portal', { token: user.tokens.accessToken });
    expect(portal.status).toBe(201);
    const url = new URL(portal.body.url);
    const portalId = url.pathname.split('/').pop()!;
    const [row] = await sql<{ customer: string }>(
      app,
      `select data->>'customer' as customer from billing.sandbox_objects where id = ?`,
      [portalId],
    );
    return { path: `${url.pathname}${url.search}`, portalId, customerId: row.customer };
  }

  /** The renewal form's action on a rendered portal page (it carries the page's one-time token). */
  const renewAction = (html: string) => html.match(/action="([^"]+\/renew\?token=[^"]+)"/)![1];

  describe('return URLs chosen per checkout', () => {
    const checkoutWith = (user: RegisteredUser, urls: { successUrl?: string; cancelUrl?: string }) =>
      app.request('POST', '/v1/billing/checkout', {
        token: user.tokens.accessToken,
        body: { planId: 'prime', interval: 'month', ...urls },
      });
    const pageOf = async (sessionId: string) => (await fetch(`${app.url}/sandbox/checkout/${sessionId}`)).text();

    it('sends the customer back to a configured web origin or app scheme, with the session id filled in', async () => {
      const payer = await registerUser(app);
      const paid = await checkoutWith(payer, { successUrl: 'https://m.example.com/done?s={CHECKOUT_SESSION_ID}' });
      expect(paid.status).toBe(201);
      expect((await submit(`/sandbox/checkout/${paid.body.sessionId}/pay`)).status).toBe(303);
      expect(await pageOf(paid.body.sessionId)).toContain(`href="https://m.example.com/done?s=${paid.body.sessionId}"`);

      const decliner = await registerUser(app);
      const declined = await checkoutWith(decliner, { cancelUrl: 'myapp://billing/canceled' });
      expect(declined.status).toBe(201);
      expect((await submit(`/sandbox/checkout/${declined.body.sessionId}/decline`)).status).toBe(303);
      expect(await pageOf(declined.body.sessionId)).toContain('href="myapp://billing/canceled"');
    });

    it('refuses any other destination (no open redirect), starting no checkout', async () => {
      const user = await registerUser(app);
      for (const urls of [
        { successUrl: 'https://evil.example.net/phish' },
        { successUrl: 'https://app.example.com.evil.net/' },
        { cancelUrl: 'javascript:alert(1)' },
        { cancelUrl: 'otherapp://billing' },
        { successUrl: '/relative' },
      ]) {
        const answer = await checkoutWith(user, urls);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'billing.return-url.not-allowed', field: Object.keys(urls)[0] });
      }
      const [row] = await sql<{ n: number }>(
        app,
        `select count(*)::int as n from billing.checkout_sessions where user_id = ?`,
        [user.user.id],
      );
      expect(row.n).toBe(0);
      // The app's own origin needs no configuration.
      expect((await checkoutWith(user, { successUrl: 'https://app.example.com/welcome' })).status).toBe(201);
    });
  });

  describe('a finished checkout', () => {
    it('answers a second Pay with 409 billing.sandbox-checkout.not-open and subscribes once', async () => {
      const user = await registerUser(app);
      const sessionId = await startCheckout(user);
      expect((await submit(`/sandbox/checkout/${sessionId}/pay`)).status).toBe(303);
      expect(await problem(await submit(`/sandbox/checkout/${sessionId}/pay`))).toEqual({
        status: 409,
        code: 'billing.sandbox-checkout.not-open',
      });
      expect(await problem(await submit(`/sandbox/checkout/${sessionId}/decline`))).toEqual({
        status: 409,
        code: 'billing.sandbox-checkout.not-open',
      });

      await planBecomes(app, user, 'prime');
      const [session] = await sql<{ customer: string }>(
        app,
        `select data->>'customer' as customer from billing.sandbox_objects where id = ?`,
        [sessionId],
      );
      const [subscriptions] = await sql<{ n: number }>(
        app,
        `select count(*)::int as n from billing.sandbox_objects where object = 'subscription' and data->>'customer' = ?`,
        [session.customer],
      );
      expect(subscriptions.n).toBe(1);
    });

    it('answers Pay after Decline with 409, and the user stays on Free', async () => {
      const user = await registerUser(app);
      const sessionId = await startCheckout(user, 'creator-plus');
      expect((await submit(`/sandbox/checkout/${sessionId}/decline`)).status).toBe(303);
      const payAfterDecline = await submit(`/sandbox/checkout/${sessionId}/pay`);
      expect(payAfterDecline.headers.get('content-type')).toContain('application/problem+json');
      expect(await problem(payAfterDecline)).toEqual({ status: 409, code: 'billing.sandbox-checkout.not-open' });
      await webhooksSettle(app);
      expect(
        (await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken })).body,
      ).toMatchObject({ planId: 'free', subscription: null });
    });
  });

  describe('link lifetimes', () => {
    it('refuses a checkout link older than its lifetime (24 h by default): no page, no payment', async () => {
      const user = await registerUser(app);
      const sessionId = await startCheckout(user);
      await age(sessionId, 24 * 3_600);
      const page = await app.request('GET', `/sandbox/checkout/${sessionId}`);
      expect(page).toMatchObject({ status: 404, body: { code: 'billing.sandbox-link.expired' } });
      expect(await problem(await submit(`/sandbox/checkout/${sessionId}/pay`))).toEqual({
        status: 404,
        code: 'billing.sandbox-link.expired',
      });
      await webhooksSettle(app);
      expect(
        (await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken })).body.planId,
      ).toBe('free');
    });

    it('refuses a portal link older than its lifetime (15 minutes by default), even with an unused token', async () => {
      const owner = await subscribedUser();
      const link = await portalLink(owner);
      await age(link.portalId, 15 * 60);
      expect(await app.request('GET', link.path)).toMatchObject({
        status: 404,
        body: { code: 'billing.sandbox-link.expired' },
      });
    });

    it('refuses invoice and receipt links once the invoice is older than their lifetime (30 days by default)', async () => {
      const owner = await subscribedUser();
      const [invoice] = (await app.request('GET', '/v1/billing/invoices', { token: owner.tokens.accessToken })).body
        .items;
      const invoicePath = new URL(invoice.hostedUrl).pathname;
      expect((await app.request('GET', invoicePath)).status).toBe(200);
      await age(invoicePath.split('/').pop()!, 30 * 86_400);
      expect(await app.request('GET', invoicePath)).toMatchObject({
        status: 404,
        body: { code: 'billing.sandbox-link.expired' },
      });
      expect(await app.request('GET', `${invoicePath}/pdf`)).toMatchObject({
        status: 404,
        body: { code: 'billing.sandbox-link.expired' },
      });
    });
  });

  describe('the billing portal', () => {
    it('opens for the owner once; a stranger with the same link, or with a token of their own, gets nothing and renews nothing', async () => {
      const owner = await subscribedUser();
      const link = await portalLink(owner);
      const invoicesBefore = await sandboxInvoicesOf(link.customerId);

      const ownerView = await app.request('GET', link.path);
      expect(ownerView.status).toBe(200);
      expect(ownerView.body).toContain('Renew (card pays)');

      // The link leaked (history, a shared screenshot, a proxy log): it was used up by its owner.
      expect(await app.request('GET', link.path)).toMatchObject({
        status: 403,
        body: { code: 'billing.sandbox-portal.token-invalid' },
      });
      // Without a token at all, neither the page nor an action.
      expect(await app.request('GET', `/sandbox/portal/${link.portalId}`)).toMatchObject({
        status: 403,
        body: { code: 'billing.sandbox-portal.token-invalid' },
      });
      const subscriptionId = renewAction(ownerView.body).split('/subscriptions/')[1].split('/')[0];
      const bare = `/sandbox/portal/${link.portalId}/subscriptions/${subscriptionId}/renew`;
      expect(await problem(await submit(bare))).toEqual({ status: 403, code: 'billing.sandbox-portal.token-invalid' });
      // A stranger's own valid token is bound to the stranger's portal session, not to the owner's.
      const stranger = await registerUser(app);
      const strangerLink = await portalLink(stranger);
      const strangerToken = new URLSearchParams(strangerLink.path.split('?')[1]).get('token')!;
      expect(await problem(await submit(`${bare}?token=${strangerToken}`))).toEqual({
        status: 403,
        code: 'billing.sandbox-portal.token-invalid',
      });

      expect(await sandboxInvoicesOf(link.customerId)).toBe(invoicesBefore);
    });

    it('performs an action once: replaying the renewal form post is refused and bills nothing more', async () => {
      const owner = await subscribedUser();
      const link = await portalLink(owner);
      const invoicesBefore = await sandboxInvoicesOf(link.customerId);
      const page = await app.request('GET', link.path);
      const action = renewAction(page.body).replaceAll('&amp;', '&');

      const renewed = await submit(action);
      expect(renewed.status).toBe(303);
      const next = renewed.headers.get('location')!;
      expect(next).toMatch(new RegExp(`^/sandbox/portal/${link.portalId}\\?token=`));
      expect(await sandboxInvoicesOf(link.customerId)).toBe(invoicesBefore + 1);

      expect(await problem(await submit(action))).toEqual({
        status: 403,
        code: 'billing.sandbox-portal.token-invalid',
      });
      expect(await sandboxInvoicesOf(link.customerId)).toBe(invoicesBefore + 1);
      // The redirect's fresh token opens the page again, once.
      expect((await app.request('GET', next)).status).toBe(200);
      expect((await app.request('GET', next)).status).toBe(403);
    });
  });
});
