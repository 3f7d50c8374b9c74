import { Controller, Get, Module } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { BillingApi, RequiresEntitlement } from '@lib/billing/contracts';
import { startTestApp, type TestApp } from '@lib/platform/testing';
import type { AppConfig } from '@config';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';
import { startFakeStripe, type FakeStripe } from '../../support/fake-stripe.js';
import { subscribe, syncPlans } from '../../support/billing.js';
import { registerUser } from '../../support/showrunner.js';

/** A controller of "another context", gated in one line each. */
@Controller('v1/test-gated')
class GatedController {
  @Get('advanced-analytics')
  @RequiresEntitlement('analytics', 'advanced')
  advanced() {
    return { ok: true };
  }

  @Get('any-analytics')
  @RequiresEntitlement('analytics')
  any() {
    return { ok: true };
  }
}

@Module({ controllers: [GatedController] })
class GatedModule {}

describe('entitlements and quotas: the BillingApi port and @RequiresEntitlement, answered locally', () => {
  let fake: FakeStripe;
  let app: TestApp;
  let billing: BillingApi;
  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.app.get(MikroORM).em, work);

  beforeAll(async () => {
    fake = await startFakeStripe();
    app = await startTestApp(
      (config: AppConfig) => ({ module: GatedModule, imports: [StandaloneModule.forRoot(config)] }),
      { env: fake.env },
    );
    await syncPlans(app);
    billing = app.app.get(BillingApi);
  });
  afterAll(async () => {
    await app.close();
    await fake.close();
  });

  it('gates routes of any context on a plan level, naming the plans that lift the limit', async () => {
    const user = await registerUser(app);
    const refused = await app.request('GET', '/v1/test-gated/any-analytics', { token: user.tokens.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'billing.entitlement.required',
      entitlement: 'analytics',
      current: 'none',
      planId: 'free',
      upgradeTo: [
        { planId: 'creator-plus', value: 'basic' },
        { planId: 'studio-pro', value: 'advanced' },
      ],
    });

    await subscribe(app, fake, user, 'creator-plus');
    expect((await app.request('GET', '/v1/test-gated/any-analytics', { token: user.tokens.accessToken })).status).toBe(
      200,
    );
    const advanced = await app.request('GET', '/v1/test-gated/advanced-analytics', { token: user.tokens.accessToken });
    expect(advanced.status).toBe(403);
    expect(advanced.body.upgradeTo).toEqual([{ planId: 'studio-pro', name: 'Studio Pro', value: 'advanced' }]);
    expect((await app.request('GET', '/v1/test-gated/advanced-analytics')).status).toBe(401);
  });

  it('counts a quota per billing period and refuses the call that would pass the limit with 402 and the numbers', async () => {
    const user = await registerUser(app);
    await inContext(async () => {
      expect(await billing.consume(user.user.id, 'episodes_per_month')).toMatchObject({
        limit: 2,
        used: 1,
        remaining: 1,
      });
      await billing.consume(user.user.id, 'episodes_per_month');
      const error = await billing.consume(user.user.id, 'episodes_per_month').catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'billing.quota.exceeded',
        kind: 'payment-required',
        details: {
          entitlement: 'episodes_per_month',
          limit: 2,
          used: 2,
          requested: 1,
          planId: 'free',
          upgradeTo: [
            { planId: 'creator-plus', value: 10 },
            { planId: 'studio-pro', value: 'unlimited' },
          ],
        },
      });
      expect((await billing.usageOf(user.user.id, 'episodes_per_month')).used).toBe(2);
    });
  });

  it('never overshoots a limit under concurrent consumption', async () => {
    const user = await registerUser(app);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => inContext(() => billing.consume(user.user.id, 'episodes_per_month'))),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect(await inContext(() => billing.usageOf(user.user.id, 'episodes_per_month'))).toMatchObject({
      used: 2,
      remaining: 0,
    });
  });

  it('counts a keyed consumption once (a retried job), and gives it back once', async () => {
    const user = await registerUser(app);
    await inContext(async () => {
      await billing.consume(user.user.id, 'episodes_per_month', 1, { key: 'publish:video-1' });
      await billing.consume(user.user.id, 'episodes_per_month', 1, { key: 'publish:video-1' });
      expect((await billing.usageOf(user.user.id, 'episodes_per_month')).used).toBe(1);
      await billing.release(user.user.id, 'episodes_per_month', 1, { key: 'publish:video-1' });
      await billing.release(user.user.id, 'episodes_per_month', 1, { key: 'publish:video-1' });
      expect((await billing.usageOf(user.user.id, 'episodes_per_month')).used).toBe(0);
    });
  });

  it('gives a keyed consumption back to the user it was counted against, whoever releases it now', async () => {
    const [firstOwner, nextOwner] = [await registerUser(app), await registerUser(app)];
    await inContext(async () => {
      // A channel's upload is counted against its owner; the channel changes hands; the upload is deleted.
      await billing.consume(firstOwner.user.id, 'storage_bytes', 1_000, { key: 'upload:transferred' });
      await billing.consume(nextOwner.user.id, 'storage_bytes', 300, { key: 'upload:own' });
      await billing.release(nextOwner.user.id, 'storage_bytes', 1_000, { key: 'upload:transferred' });
      expect((await billing.usageOf(firstOwner.user.id, 'storage_bytes')).used).toBe(0);
      expect((await billing.usageOf(nextOwner.user.id, 'storage_bytes')).used).toBe(300);
    });
  });

  it('treats unlimited as unlimited and lifetime quotas as never resetting', async () => {
    const user = await registerUser(app);
    await subscribe(app, fake, user, 'studio-pro');
    await inContext(async () => {
      for (let i = 0; i < 30; i += 1) await billing.consume(user.user.id, 'episodes_per_month');
      expect(await billing.usageOf(user.user.id, 'episodes_per_month')).toMatchObject({
        limit: 'unlimited',
        used: 30,
        remaining: 'unlimited',
      });
      const library = await billing.consume(user.user.id, 'library_items', 5);
      expect(library).toMatchObject({ limit: 'unlimited', used: 5, periodStart: null, periodEnd: null });
    });
  });

  it('refuses names that are not quotas and amounts that are not positive integers', async () => {
    const user = await registerUser(app);
    await inContext(async () => {
      await expect(billing.consume(user.user.id, 'ad_free' as never)).rejects.toMatchObject({
        code: 'billing.plan.invalid',
      });
      await expect(billing.consume(user.user.id, 'episodes_per_month', 0)).rejects.toMatchObject({
        code: 'billing.plan.invalid',
      });
    });
  });

  it('shows usage with the subscription overview', async () => {
    const user = await registerUser(app);
    await inContext(() => billing.consume(user.user.id, 'library_items', 3));
    const overview = await app.request('GET', '/v1/billing/subscription', { token: user.tokens.accessToken });
    expect(overview.body.usage).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entitlement: 'library_items', limit: 100, used: 3, remaining: 97 }),
      ]),
    );
  });
});
