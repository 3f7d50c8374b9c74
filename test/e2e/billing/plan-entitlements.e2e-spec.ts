import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { BillingApi } from '@lib/billing/contracts';
import type { TestApp } from '@lib/platform/testing';
import { eventually } from '@lib/platform/testing';
import { planBecomes } from '../../support/billing.js';
import { publishedVideo } from '../../support/interactions.js';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { addMember, auth, createChannel, studioPerson } from '../studio/studio-helpers.js';

// One app for every describe below: each used to boot its own, and a boot costs seconds of CPU per file.
let app: TestApp;
beforeAll(async () => {
  app = await startShowrunner();
}, 120_000);
afterAll(() => app?.close());

const A_CHECKSUM = 'a'.repeat(64);

/**
 * ADR 0056: the entitlements declared but once unenforced. Studio access starts at Creator Plus; a
 * channel's studio and analytics run on its owner's plan, whoever on the team acts; library items
 * are a quota that holds under concurrent adds. (API keys: test/e2e/identity/profiles-and-keys.)
 */
describe('plan entitlements enforced: studio access, team members under the owner’s plan, library items', () => {
  const inContext = <T>(work: () => Promise<T>) => RequestContext.create(app.app.get(MikroORM).em, work);

  it('sells studio access from Creator Plus: a Free person opening a channel gets 402 naming the cheapest plan', async () => {
    const plans = await app.request('GET', '/v1/billing/plans');
    const studio = Object.fromEntries(
      (plans.body as Array<{ id: string; entitlements: Record<string, unknown> }>).map((plan) => [
        plan.id,
        plan.entitlements.studio_access,
      ]),
    );
    expect(studio).toMatchObject({ free: false, prime: false, 'creator-plus': true, 'studio-pro': true });

    const person = await studioPerson(app);
    const refused = await app.request('POST', '/v1/studio/channels', { ...auth(person), body: { name: 'Too early' } });
    expect(refused.status).toBe(402);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'billing.plan.upgrade-required',
      entitlement: 'studio_access',
      current: false,
      planId: 'free',
      cheapestPlan: { planId: 'creator-plus', name: 'Creator Plus' },
    });
    expect(refused.body.upgradeTo.map((plan: { planId: string }) => plan.planId)).toEqual([
      'creator-plus',
      'studio-pro',
    ]);
    const channels = await app.request('GET', '/v1/studio/channels', auth(person));
    expect(channels.body.items).toHaveLength(0);
  });

  it('lets a Free editor work and read analytics under a Creator Plus owner, and not once the owner is on Free', async () => {
    const [owner, editor] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner, 'Owner plan');
    await addMember(app, channelId, owner, editor, 'editor');
    const day = 86_400_000;
    const range = `from=${new Date(Date.now() - day).toISOString()}&to=${new Date().toISOString()}`;
    const series = (user: RegisteredUser) =>
      app.request('POST', `/v1/studio/channels/${channelId}/series`, { ...auth(user), body: { title: 'Season' } });
    const uploadCheck = (user: RegisteredUser) =>
      app.request('POST', '/v1/studio/uploads/check', { ...auth(user), body: { channelId, checksums: [A_CHECKSUM] } });
    const overview = (user: RegisteredUser) =>
      app.request('GET', `/v1/insights/channels/${channelId}/overview?${range}`, auth(user));

    expect((await app.request('GET', '/v1/billing/subscription', auth(editor))).body.planId).toBe('free');
    expect((await series(editor)).status).toBe(201);
    expect((await uploadCheck(editor)).status).toBe(200);
    expect((await overview(editor)).status).toBe(200); // the owner's basic analytics, not the editor's none

    const cancel = await app.request('POST', '/v1/billing/subscription/cancel', {
      ...auth(owner),
      body: { atPeriodEnd: false, reason: 'too_expensive' },
    });
    expect(cancel.status).toBe(200);
    await planBecomes(app, owner, 'free', 30_000);

    for (const user of [editor, owner]) {
      const refused = await series(user);
      expect(refused.status).toBe(402);
      expect(refused.body).toMatchObject({
        code: 'billing.plan.upgrade-required',
        entitlement: 'studio_access',
        planId: 'free', // the owner's plan speaks, whoever acts
        cheapestPlan: { planId: 'creator-plus' },
      });
      expect((await uploadCheck(user)).body.code).toBe('billing.plan.upgrade-required');
      const analytics = await overview(user);
      expect([analytics.status, analytics.body.code]).toEqual([403, 'billing.entitlement.required']);
    }
    // Read-only studio: the channel and what it holds can still be read.
    expect((await app.request('GET', `/v1/studio/channels/${channelId}`, auth(editor))).status).toBe(200);
    const listed = await app.request('GET', `/v1/studio/channels/${channelId}/series`, auth(editor));
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).toContain('Season');
    // A stranger still learns nothing about the channel, plan or not.
    const stranger = await studioPerson(app);
    expect((await series(stranger)).status).toBe(404);
    expect((await overview(stranger)).status).toBe(404);
  }, 120_000);

  it('holds library_items exactly under concurrent adds, gives items back on removal, and counts a repeat once', async () => {
    const fan = await registerUser(app);
    const billing = app.app.get(BillingApi);
    // 97 of Free's 100 items used already: three more fit.
    await inContext(() => billing.consume(fan.user.id, 'library_items', 97));
    const videos = await Promise.all(Array.from({ length: 8 }, () => publishedVideo(app)));
    const put = (videoId: string) => app.request('PUT', `/v1/playlists/watch-later/items/${videoId}`, auth(fan));

    const answers = await Promise.all(videos.map((video) => put(video.videoId)));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 200, 200, 402, 402, 402, 402, 402]);
    const refusal = answers.find((answer) => answer.status === 402)!;
    expect(refusal.body).toMatchObject({
      code: 'billing.quota.exceeded',
      entitlement: 'library_items',
      limit: 100,
      upgradeTo: expect.arrayContaining([expect.objectContaining({ planId: 'prime', value: 'unlimited' })]),
    });
    expect((await inContext(() => billing.usageOf(fan.user.id, 'library_items'))).used).toBe(100);
    const kept = await app.request('GET', '/v1/playlists/watch-later', auth(fan));
    expect(kept.body.items).toHaveLength(3);

    const saved = answers.findIndex((answer) => answer.status === 200);
    // Adding what is there already counts nothing.
    expect((await put(videos[saved].videoId)).status).toBe(200);
    expect((await inContext(() => billing.usageOf(fan.user.id, 'library_items'))).used).toBe(100);
    // Taking one out frees a place for a refused one.
    expect(
      (await app.request('DELETE', `/v1/playlists/watch-later/items/${videos[saved].videoId}`, auth(fan))).status,
    ).toBeLessThan(300);
    expect((await inContext(() => billing.usageOf(fan.user.id, 'library_items'))).used).toBe(99);
    const refused = answers.findIndex((answer) => answer.status === 402);
    expect((await put(videos[refused].videoId)).status).toBe(200);
    expect((await put(videos[saved].videoId)).status).toBe(402);
  }, 120_000);
});

/**
 * The sandbox payment provider (no Stripe keys), through its pages only: the creator onboards on the sandbox's
 * Express page, a fan tips and pays on the checkout page, the emulator's events run through the webhook pipeline,
 * the creator's ledger shows the tip net of the commission, and "Pay out now" ends in a paid payout.
 */
describe('tips on the sandbox: onboard → tip → ledger → payout', () => {
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
