import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { SyncPlansCommand } from '@lib/billing';
import { eventsConsumed, eventually, type TestApp } from '@lib/platform/testing';
import { startFakeStripe, type FakeStripe } from './fake-stripe.js';
import { startShowrunner, type RegisteredUser } from './showrunner.js';

export interface BillingOnFakeStripe {
  fake: FakeStripe;
  app: TestApp;
  adminToken: string;
  close(): Promise<void>;
}

/**
 * The platform on a fake Stripe API, with plans synced and an admin logged in. `start` boots the
 * app from the environment (a context's own harness may add options); default: startShowrunner.
 */
export async function startBillingOnFakeStripe(
  start: (env: Record<string, string>) => Promise<TestApp> = startShowrunner,
  admin = { email: 'billing-admin@example.com', password: 'an admin password for tests' },
): Promise<BillingOnFakeStripe> {
  const fake = await startFakeStripe();
  const app = await start({ ...fake.env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password });
  await syncPlans(app);
  FAKES.set(app, fake);
  const adminToken = (await app.request('POST', '/v1/auth/login', { body: admin })).body.tokens.accessToken as string;
  return {
    fake,
    app,
    adminToken,
    close: async () => {
      await app.close();
      await fake.close();
    },
  };
}

// Which apps run on a fake Stripe, so plan helpers pay there instead of on the sandbox page.
const FAKES = new WeakMap<TestApp, FakeStripe>();

/**
 * Puts `user` on `planId` through the real checkout pipeline: the sandbox page's Pay button, or the
 * fake Stripe when the app was started by `startBillingOnFakeStripe`. Waits until the plan is in force.
 */
export async function onPlan(app: TestApp, user: RegisteredUser, planId: string): Promise<void> {
  const fake = FAKES.get(app);
  if (fake) {
    await subscribe(app, fake, user, planId);
    return;
  }
  const checkout = await app.request('POST', '/v1/billing/checkout', {
    token: user.tokens.accessToken,
    body: { planId, interval: 'month' },
  });
  if (checkout.status !== 201) throw new Error(`checkout failed: ${checkout.status} ${JSON.stringify(checkout.body)}`);
  const paid = await fetch(`${app.url}/sandbox/checkout/${checkout.body.sessionId}/pay`, {
    method: 'POST',
    redirect: 'manual',
  });
  if (paid.status !== 303) throw new Error(`sandbox payment failed: ${paid.status}`);
  await planBecomes(app, user, planId, 30_000);
}

/** A creator: `user` on Creator Plus (studio access starts there), unless their plan already has it. */
export async function withStudioAccess(app: TestApp, user: RegisteredUser): Promise<RegisteredUser> {
  const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
  if (overview.body?.entitlements?.studio_access !== true) await onPlan(app, user, 'creator-plus');
  return user;
}

/** A person who may hold API keys: `user` on Studio Pro (API access is sold there), unless already. */
export async function withApiAccess(app: TestApp, user: RegisteredUser): Promise<RegisteredUser> {
  const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
  if (overview.body?.entitlements?.api_access !== true) await onPlan(app, user, 'studio-pro');
  return user;
}

/** Mirrors the plans to the (fake) Stripe, as `npm run cli -- billing:sync-plans` does. */
export async function syncPlans(app: TestApp): Promise<void> {
  await RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(CommandBus).execute(new SyncPlansCommand()));
}

export function webhookUrl(app: TestApp): string {
  return `${app.url}/v1/billing/webhooks/stripe`;
}

/** Runs SQL against the app's own database (assertions on stored rows). */
export function sql<T = Record<string, unknown>>(app: TestApp, query: string, params: unknown[] = []): Promise<T[]> {
  return app.app.get(MikroORM).em.fork().execute<T[]>(query, params);
}

/** Waits until the user's plan in force is `planId`. */
export function planBecomes(app: TestApp, user: RegisteredUser, planId: string, timeoutMs = 10_000) {
  return eventually(
    async () => {
      const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
      expect(overview.body.planId).toBe(planId);
      return overview.body;
    },
    { timeoutMs },
  );
}

/** Puts an integration event in the outbox as another context would and waits until `consumer` has handled it. */
export async function emitConsumed(
  app: TestApp,
  type: string,
  consumer: string,
  payload: Record<string, unknown>,
  atLeast = 1,
): Promise<void> {
  await sql(
    app,
    `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
    [randomUUID(), type, JSON.stringify(payload), randomUUID()],
  );
  await eventsConsumed(app, consumer, { type, payload, atLeast });
}

/** Trust & safety suspends or reinstates a person: billing's payout holds follow. */
export function suspension(app: TestApp, userId: string, change: 'imposed' | 'lifted'): Promise<void> {
  return emitConsumed(app, 'trust-safety.account-sanction-changed.v1', 'billing.hold-payouts-on-sanction', {
    userId,
    sanction: 'suspension',
    change,
    until: null,
    changedAt: new Date().toISOString(),
  });
}

/** Waits until every stored webhook event is settled (processed or ignored) or parked (unresolved/failed). */
export function webhooksSettle(app: TestApp) {
  return eventually(async () => {
    const [row] = await sql<{ open: number }>(
      app,
      `select count(*)::int as open from billing.webhook_events where status in ('received', 'processing')`,
    );
    expect(row.open).toBe(0);
  });
}

/**
 * Checkout → the customer pays on the (fake) hosted page → Stripe's events reach the webhook.
 * Returns the events the payment generated (for replays in tests).
 */
export async function subscribe(
  app: TestApp,
  fake: FakeStripe,
  user: RegisteredUser,
  planId: string,
  interval: 'month' | 'year' = 'month',
  attribution?: Record<string, string>,
) {
  const checkout = await app.request('POST', '/v1/billing/checkout', {
    token: user.tokens.accessToken,
    body: { planId, interval, ...(attribution ? { attribution } : {}) },
  });
  if (checkout.status !== 201) throw new Error(`checkout failed: ${checkout.status} ${JSON.stringify(checkout.body)}`);
  const paid = await fake.emulator.completeCheckout(checkout.body.sessionId, 'pay');
  const events = paid.events as unknown as Stripe.Event[];
  const statuses = await fake.deliver(webhookUrl(app), events);
  expect(statuses.every((status) => status === 200)).toBe(true);
  const overview = await planBecomes(app, user, planId);
  await webhooksSettle(app);
  return {
    sessionId: checkout.body.sessionId as string,
    events,
    subscriptionId: paid.result.subscription as string,
    overview,
  };
}
