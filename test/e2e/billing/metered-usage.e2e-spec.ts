import type Stripe from 'stripe';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { ApiUsageMeter } from '@lib/billing/contracts';
import { eventually } from '@lib/platform/testing';
import { PlanCatalogue } from '../../../libs/billing/src/application/plan-catalogue.js';
import {
  startBillingOnFakeStripe,
  sql,
  subscribe,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import type { RegisteredUser } from '../../support/showrunner.js';
import { auth, createChannel, studioPerson } from '../studio/studio-helpers.js';

const GIB = 1024 ** 3;
const b64 = (value: string) => Buffer.from(value).toString('base64');

/**
 * Metered usage (docs/adr/0057): storage and uploads counted at tus creation against the channel
 * owner's plan, 402 naming the plan that lifts the limit, alerts at 80/100% once, overage billed on
 * Stripe meters and journaled when paid, API calls counted per key.
 */
describe('metered usage: quotas, alerts and overage', () => {
  let env: BillingOnFakeStripe;

  beforeAll(async () => {
    env = await startBillingOnFakeStripe((vars) =>
      import('../../support/showrunner.js').then(({ startShowrunner }) =>
        startShowrunner({
          ...vars,
          MEDIA_UPLOAD_MAX_BYTES_BY_PLAN: `creator-plus:${1024 * GIB},studio-pro:${1024 * GIB}`,
          MEDIA_UPLOAD_MAX_BYTES: String(1024 * GIB),
        }),
      ),
    );
  }, 120_000);
  afterAll(() => env.close());

  /** Lowers (or raises) a plan's quota for this file's database, as an operator editing the row would. */
  async function setQuota(planId: string, entitlement: string, value: number | boolean) {
    await sql(
      env.app,
      `update billing.plans set entitlements = entitlements || jsonb_build_object(?::text, ?::jsonb) where id = ?`,
      [entitlement, JSON.stringify(value), planId],
    );
    env.app.app.get(PlanCatalogue).invalidate();
  }

  function createUpload(user: RegisteredUser, channelId: string, length: number) {
    return fetch(`${env.app.url}/v1/studio/uploads`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        authorization: `Bearer ${user.tokens.accessToken}`,
        'upload-length': String(length),
        'upload-metadata': `channelId ${b64(channelId)},filename ${b64('episode.mp4')}`,
      },
    });
  }

  async function creatorOn(planId: string) {
    const creator = await studioPerson(env.app);
    const { subscriptionId } = await subscribe(env.app, env.fake, creator, planId);
    return { creator, subscriptionId, channelId: await createChannel(env.app, creator) };
  }

  async function alertsOf(user: RegisteredUser) {
    const answer = await env.app.request('GET', '/v1/notifications?limit=100', auth(user));
    return (answer.body.items as Array<{ type: string; data: Record<string, unknown> }>).filter(
      (item) => item.type === 'billing.usage-threshold-reached',
    );
  }

  it('refuses an upload past the storage quota with 402 and the cheapest plan that lifts it, alerting at 80% and 100% once', async () => {
    const { creator, channelId } = await creatorOn('creator-plus'); // 100 GiB
    expect((await createUpload(creator, channelId, 85 * GIB)).status).toBe(201);

    const refused = await createUpload(creator, channelId, 20 * GIB);
    expect(refused.status).toBe(402);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      code: 'billing.quota.exceeded',
      entitlement: 'storage_bytes',
      limit: 100 * GIB,
      used: 85 * GIB,
      requested: 20 * GIB,
      planId: 'creator-plus',
      liftedBy: { planId: 'studio-pro', value: 1024 * GIB },
    });

    const last = await createUpload(creator, channelId, 15 * GIB);
    expect(last.status).toBe(201);
    // Abandoning the upload gives its bytes back; reaching 100% again sends no second alert.
    const terminated = await fetch(last.headers.get('location')!.replace(/^https?:\/\/[^/]+/, env.app.url), {
      method: 'DELETE',
      headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${creator.tokens.accessToken}` },
    });
    expect(terminated.status).toBe(204);
    // The tus answer leaves before studio gives the bytes back: wait for it.
    await eventually(async () => {
      const overview = await env.app.request('GET', '/v1/billing/subscription', auth(creator));
      expect(overview.body.usage.find((u: { entitlement: string }) => u.entitlement === 'storage_bytes').used).toBe(
        85 * GIB,
      );
    });
    expect((await createUpload(creator, channelId, 15 * GIB)).status).toBe(201);

    const alerts = await eventually(async () => {
      const found = await alertsOf(creator);
      expect(found.map((alert) => alert.data.threshold).sort()).toEqual([100, 80]);
      return found;
    });
    expect(alerts.every((alert) => alert.data.quota === 'storage_bytes' && alert.data.overage === false)).toBe(true);
    const rows = await sql(env.app, `select threshold from billing.usage_alerts where user_id = ?`, [creator.user.id]);
    expect(rows).toHaveLength(2);
  }, 90_000);

  it('lets exactly k of N concurrent upload creations through a limit of k', async () => {
    await setQuota('creator-plus', 'uploads_per_month', 3);
    try {
      const { creator, channelId } = await creatorOn('creator-plus');
      const answers = await Promise.all(Array.from({ length: 8 }, () => createUpload(creator, channelId, 1_000)));
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([201, 201, 201, 402, 402, 402, 402, 402]);
      const [counter] = await sql<{ used: string }>(
        env.app,
        `select used from billing.usage_counters where user_id = ? and quota = 'uploads_per_month'`,
        [creator.user.id],
      );
      expect(Number(counter.used)).toBe(3);
      const [uploads] = await sql<{ n: number }>(
        env.app,
        `select count(*)::int as n from studio.media_uploads where channel_id = ?`,
        [channelId],
      );
      expect(uploads.n).toBe(3);
    } finally {
      await setQuota('creator-plus', 'uploads_per_month', 100);
    }
  }, 90_000);

  it('bills uploads past the quota as overage on a plan that allows it: previewed, invoiced at period end, journaled once', async () => {
    await setQuota('studio-pro', 'uploads_per_month', 2);
    try {
      const { creator, channelId, subscriptionId } = await creatorOn('studio-pro');
      for (let i = 0; i < 5; i++) expect((await createUpload(creator, channelId, 1_000)).status).toBe(201);

      const overview = await env.app.request('GET', '/v1/billing/subscription', auth(creator));
      expect(overview.body.overage).toContainEqual({
        entitlement: 'uploads_per_month',
        units: 3,
        unitSize: 1,
        unitAmount: 25,
        amount: 75,
        currency: 'usd',
      });
      // The provider's meter holds exactly the units above the quota.
      const stripe = env.fake.client();
      const meters = await stripe.billing.meters.list();
      expect(meters.data.map((meter) => meter.event_name)).toContain('overage_uploads_per_month');
      const subscription = await stripe.subscriptions.retrieve(subscriptionId);
      expect(subscription.items.data.map((item) => item.price.recurring?.usage_type)).toEqual(['licensed', 'metered']);

      const renewal = await env.fake.emulator.renew(subscriptionId);
      const statuses = await env.fake.deliver(webhookUrl(env.app), renewal.events as unknown as Stripe.Event[]);
      expect(statuses.every((status) => status === 200)).toBe(true);
      const invoice = await stripe.invoices.retrieve(renewal.result.latest_invoice as string);
      expect(invoice.lines.data.map((line) => line.amount).sort((a, b) => a - b)).toEqual([75, 2_999]);

      const [entry] = await eventually(async () => {
        const found = await sql<{ amount: string; currency: string; source_key: string }>(
          env.app,
          `select amount, currency, source_key from billing.revenue_entries where stream = 'overage' and source_key = ?`,
          [`overage:${invoice.id}`],
        );
        expect(found).toHaveLength(1);
        return found;
      });
      expect({ amount: Number(entry.amount), currency: entry.currency }).toEqual({ amount: 75, currency: 'usd' });
      const alerts = await eventually(async () => {
        const found = await alertsOf(creator);
        expect(found).toHaveLength(2);
        return found;
      });
      expect(alerts.every((alert) => alert.data.overage === true)).toBe(true);
    } finally {
      await setQuota('studio-pro', 'uploads_per_month', 1_000);
    }
  }, 90_000);

  it('counts API calls per key against the owner’s plan and refuses past a hard limit with 402', async () => {
    // Only Studio Pro sells API access, with overage: a plan with access and a hard limit is an operator's choice.
    await setQuota('creator-plus', 'api_access', true);
    await setQuota('creator-plus', 'api_calls_per_month', 3);
    try {
      const owner = await studioPerson(env.app);
      await subscribe(env.app, env.fake, owner, 'creator-plus');
      const keyOf = async (name: string) => {
        const created = await env.app.request('POST', '/v1/me/api-keys', {
          ...auth(owner),
          body: { name, scopes: ['profile:read'] },
        });
        expect(created.status).toBe(201);
        return { key: created.body.key as string, id: created.body.apiKey.id as string };
      };
      const first = await keyOf('first');
      const second = await keyOf('second');
      for (const key of [first, first, second])
        expect((await env.app.request('GET', '/v1/me', { token: key.key })).status).toBe(200);
      const refused = await env.app.request('GET', '/v1/me', { token: second.key });
      expect(refused.status).toBe(402);
      expect(refused.body).toMatchObject({
        code: 'billing.quota.exceeded',
        entitlement: 'api_calls_per_month',
        limit: 3,
        used: 3,
        liftedBy: { planId: 'studio-pro' },
      });
      const meter = env.app.app.get(ApiUsageMeter);
      const callsOf = (keyId: string) =>
        RequestContext.create(env.app.app.get(MikroORM).em, () => meter.callsOf(owner.user.id, keyId));
      expect(await callsOf(first.id)).toBe(2);
      expect(await callsOf(second.id)).toBe(1);
      const overview = await env.app.request('GET', '/v1/billing/subscription', auth(owner));
      expect(overview.body.apiKeys).toEqual([
        { apiKeyId: first.id, calls: 2 },
        { apiKeyId: second.id, calls: 1 },
      ]);
    } finally {
      await setQuota('creator-plus', 'api_calls_per_month', 1_000);
      await setQuota('creator-plus', 'api_access', false);
    }
  }, 90_000);
});
