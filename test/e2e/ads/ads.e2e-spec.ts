import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import { eventually } from '@lib/platform/testing';
import { BillingMaintenance } from '../../../libs/billing/src/application/webhooks/billing-maintenance.js';
import { BILLING_MAINTENANCE_QUEUE } from '../../../libs/billing/src/application/webhooks/webhook-queue.js';
import {
  emitConsumed,
  sql,
  startBillingOnFakeStripe,
  subscribe,
  suspension,
  webhooksSettle,
  webhookUrl,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import { clientEvent, PHONE_UA, track } from '../../support/insights.js';
import { withScheduleHeld } from '../../support/interactions.js';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, readyVideo, studioPerson } from '../studio/studio-helpers.js';

const DEVICE = { 'x-device-id': 'device-e2e-0001', 'user-agent': PHONE_UA, 'accept-language': 'en-US,en;q=0.9' };
const day = () => new Date().toISOString().slice(0, 10);

describe('ads: free-tier decisions, single-use tracking, metrics and the creator share', () => {
  let harness: BillingOnFakeStripe;
  let creator: RegisteredUser;
  let channelId: string;
  let contentVideo: string;
  let adVideo: string;
  let advertiserId: string;
  let prerollCampaign: string;
  let prerollCreative: string;

  const admin = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown) =>
    harness.app.request(method, path, { token: harness.adminToken, body });
  const decide = (
    placement: string,
    headers: Record<string, string> = DEVICE,
    token?: string,
    videoId = contentVideo,
  ) => harness.app.request('GET', `/v1/ads/decision?placement=${placement}&videoId=${videoId}`, { headers, token });
  const report = (
    name: 'ad_impression' | 'ad_click',
    token: unknown,
    options: { eventId?: string; auth?: string } = {},
  ) =>
    track(
      harness.app,
      [clientEvent(name, new Date(), { eventId: options.eventId ?? randomUUID(), properties: { token } })],
      {
        token: options.auth,
        userAgent: PHONE_UA,
      },
    );

  /**
   * A studio video stuck in `state` (a real upload leaves 'processing' within seconds, too soon for the refusal it
   * exercises); the other videos go through the media pipeline.
   */
  async function storedVideo(state: string): Promise<string> {
    const id = randomUUID();
    await sql(
      harness.app,
      `insert into studio.videos (id, channel_id, created_by, title, tags, collection_ids, captions, state, created_at, updated_at)
       values (?, ?, ?, 'Clip', '{}', '{}', '[]', ?, now(), now())`,
      [id, channelId, creator.user.id, state],
    );
    return id;
  }

  async function campaign(body: Record<string, unknown>): Promise<string> {
    const now = Date.now();
    const answer = await admin('POST', '/v1/admin/ads/campaigns', {
      advertiserId,
      name: 'Campaign',
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 7 * 86_400_000).toISOString(),
      currency: 'usd',
      cpm: 2000,
      ...body,
    });
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  beforeAll(async () => {
    // No periodic settlement: the hourly job once ran at the top of the hour mid-file and settled what the test settles.
    harness = await startBillingOnFakeStripe((env) => startShowrunner({ ...env, AD_SETTLEMENT_INTERVAL_MINUTES: '0' }));
    creator = await studioPerson(harness.app);
    channelId = await createChannel(harness.app, creator, 'Ad Kitchen');
    // Uploaded, transcoded and published through studio, as the media pipeline does for any video.
    const [content, ad] = await Promise.all([
      readyVideo(harness.app, creator, channelId, { title: 'Knife skills', category: 'cooking' }),
      readyVideo(harness.app, creator, channelId, { title: 'Acme Coffee spot' }),
    ]);
    const published = await harness.app.request('POST', `/v1/studio/videos/${content.id}/publish`, {
      token: creator.tokens.accessToken,
      body: {},
    });
    expect(published.status).toBe(200);
    contentVideo = content.id;
    adVideo = ad.id;
    advertiserId = (await admin('POST', '/v1/admin/ads/advertisers', { name: 'Acme Coffee' })).body.id;
  }, 120_000);

  afterAll(() => harness?.close());

  it('lets admins alone manage campaigns and creatives, refusing bad input with stable codes', async () => {
    const fan = await registerUser(harness.app);
    expect(
      (
        await harness.app.request('POST', '/v1/admin/ads/advertisers', {
          token: fan.tokens.accessToken,
          body: { name: 'x' },
        })
      ).status,
    ).toBe(403);
    const base = { advertiserId, name: 'Bad', currency: 'usd', cpm: 1000, totalBudget: 1000 };
    const backwards = await admin('POST', '/v1/admin/ads/campaigns', {
      ...base,
      startsAt: '2026-12-10T00:00:00Z',
      endsAt: '2026-12-01T00:00:00Z',
    });
    expect(backwards.body).toMatchObject({ status: 400, code: 'ads.campaign.invalid-flight' });
    const unbounded = await admin('POST', '/v1/admin/ads/campaigns', {
      ...base,
      totalBudget: undefined,
      startsAt: '2026-12-01T00:00:00Z',
      endsAt: '2026-12-10T00:00:00Z',
    });
    expect(unbounded.body).toMatchObject({ status: 400, code: 'ads.campaign.unbounded' });
    const noAdvertiser = await admin('POST', '/v1/admin/ads/campaigns', {
      ...base,
      advertiserId: randomUUID(),
      startsAt: '2026-12-01T00:00:00Z',
      endsAt: '2026-12-10T00:00:00Z',
    });
    expect(noAdvertiser.body).toMatchObject({ status: 404, code: 'ads.advertiser.not-found' });

    prerollCampaign = await campaign({
      totalBudget: 100_000,
      targeting: { categories: ['cooking'], devices: ['mobile'] },
    });
    const creatives = `/v1/admin/ads/campaigns/${prerollCampaign}/creatives`;
    const insecure = await admin('POST', creatives, {
      placement: 'preroll',
      clickUrl: 'http://acme.example',
      videoId: adVideo,
    });
    expect(insecure.body).toMatchObject({ status: 400, code: 'ads.creative.insecure-url' });
    const mismatch = await admin('POST', creatives, {
      placement: 'preroll',
      clickUrl: 'https://acme.example',
      imageUrl: 'https://cdn.acme.example/a.png',
    });
    expect(mismatch.body).toMatchObject({ status: 400, code: 'ads.creative.media-mismatch' });
    const draft = await storedVideo('processing');
    const notReady = await admin('POST', creatives, {
      placement: 'preroll',
      clickUrl: 'https://acme.example',
      videoId: draft,
    });
    expect(notReady.body).toMatchObject({ status: 422, code: 'ads.creative.video-not-ready' });
    const missing = await admin('POST', creatives, {
      placement: 'preroll',
      clickUrl: 'https://acme.example',
      videoId: randomUUID(),
    });
    expect(missing.body).toMatchObject({ status: 422, code: 'ads.creative.video-not-ready' });

    const created = await admin('POST', creatives, {
      placement: 'preroll',
      clickUrl: 'https://acme.example/go',
      videoId: adVideo,
    });
    expect(created.status).toBe(201);
    prerollCreative = created.body.id;
    const listed = await admin('GET', '/v1/admin/ads/campaigns');
    expect(listed.body.campaigns.find((c: { id: string }) => c.id === prerollCampaign).creatives).toHaveLength(1);
  });

  it('serves a free viewer a capped pre-roll whose impression and click count once; forged, replayed and orphan events count nothing', async () => {
    expect(
      (await harness.app.request('GET', '/v1/ads/decision?placement=billboard', { headers: DEVICE })).body,
    ).toMatchObject({
      code: 'ads.placement.unknown',
    });
    expect((await harness.app.request('GET', '/v1/ads/decision?placement=preroll', {})).body).toMatchObject({
      code: 'ads.input.invalid',
    });
    // Targeting: a desktop viewer, or another category, gets nothing from this campaign.
    const desktop = await decide('preroll', { ...DEVICE, 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)' });
    expect(desktop.body).toEqual({ ad: null });

    const first = await decide('preroll');
    expect(first.status).toBe(200);
    expect(first.body.ad.creative).toMatchObject({
      id: prerollCreative,
      videoId: adVideo,
      clickUrl: 'https://acme.example/go',
    });
    const token = first.body.ad.token as string;

    const eventId = randomUUID();
    expect((await report('ad_impression', token, { eventId })).body).toMatchObject({ accepted: 1, rejected: [] });
    // The client retrying its batch (same event id) is not a replay and counts nothing more.
    expect((await report('ad_impression', token, { eventId })).body).toMatchObject({ accepted: 0, duplicates: 1 });
    const replay = await report('ad_impression', token);
    expect(replay.body).toMatchObject({
      accepted: 0,
      rejected: [expect.objectContaining({ code: 'ads.token.replayed' })],
    });
    const [body, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forgedBody = Buffer.from(JSON.stringify({ ...claims, d: randomUUID() })).toString('base64url');
    const forged = await report('ad_impression', `${forgedBody}.${mac}`);
    expect(forged.body).toMatchObject({
      accepted: 0,
      rejected: [expect.objectContaining({ code: 'ads.token.invalid' })],
    });
    // Garbage is no token either.
    expect((await report('ad_impression', 'not-a-token')).body.rejected[0].code).toBe('ads.token.invalid');

    const second = (await decide('preroll')).body.ad.token as string;
    const orphan = await report('ad_click', second);
    expect(orphan.body).toMatchObject({
      accepted: 0,
      rejected: [expect.objectContaining({ code: 'ads.click.without-impression' })],
    });
    expect((await report('ad_impression', second)).body).toMatchObject({ accepted: 1 });
    expect((await report('ad_click', second)).body).toMatchObject({ accepted: 1 });
    expect((await report('ad_click', second)).body.rejected[0].code).toBe('ads.token.replayed');

    const third = (await decide('preroll')).body.ad.token as string;
    expect((await report('ad_impression', third)).body).toMatchObject({ accepted: 1 });
    // Three impressions of the creative within 24 h: the device is capped; another device is not.
    expect((await decide('preroll')).body).toEqual({ ad: null });
    expect((await decide('preroll', { ...DEVICE, 'x-device-id': 'device-e2e-0002' })).body.ad.creative.id).toBe(
      prerollCreative,
    );

    const [row] = await sql<{ impressions: string; spend_millis: string }>(
      harness.app,
      'select impressions, spend_millis from ads.campaigns where id = ?',
      [prerollCampaign],
    );
    expect(row).toEqual({ impressions: '3', spend_millis: '6000' });
    const [clicks] = await sql<{ n: string }>(harness.app, 'select count(*) as n from ads.clicks');
    expect(clicks.n).toBe('1');
  });

  it('never serves viewers whose plan is ad-free, nor expired or exhausted campaigns', async () => {
    const paid = await registerUser(harness.app);
    await subscribe(harness.app, harness.fake, paid, 'prime');
    expect((await decide('preroll', { 'user-agent': PHONE_UA }, paid.tokens.accessToken)).body).toEqual({ ad: null });
    const free = await registerUser(harness.app);
    const freeAd = (await decide('preroll', { 'user-agent': PHONE_UA }, free.tokens.accessToken)).body.ad;
    expect(freeAd).not.toBeNull();
    // A person's decision counts only for that person: another account or an anonymous caller cannot spend it.
    expect((await report('ad_impression', freeAd.token, { auth: paid.tokens.accessToken })).body.rejected[0].code).toBe(
      'ads.token.invalid',
    );
    expect((await report('ad_impression', freeAd.token)).body.rejected[0].code).toBe('ads.token.invalid');

    const past = await admin('POST', '/v1/admin/ads/campaigns', {
      advertiserId,
      name: 'Last year',
      startsAt: '2025-01-01T00:00:00Z',
      endsAt: '2025-02-01T00:00:00Z',
      currency: 'usd',
      cpm: 9000,
      totalBudget: 1000,
    });
    await admin('POST', `/v1/admin/ads/campaigns/${past.body.id}/creatives`, {
      placement: 'leaderboard',
      clickUrl: 'https://acme.example',
      imageUrl: 'https://cdn.acme.example/old.png',
    });
    expect((await decide('leaderboard')).body).toEqual({ ad: null });

    const goal = await campaign({ impressionGoal: 1 });
    await admin('POST', `/v1/admin/ads/campaigns/${goal}/creatives`, {
      placement: 'rectangle',
      clickUrl: 'https://acme.example',
      imageUrl: 'https://cdn.acme.example/r.png',
    });
    const served = await decide('rectangle');
    expect(served.body.ad).not.toBeNull();
    expect((await report('ad_impression', served.body.ad.token)).body).toMatchObject({ accepted: 1 });
    expect((await decide('rectangle', { ...DEVICE, 'x-device-id': 'device-e2e-0003' })).body).toEqual({ ad: null });
  });

  it('reports metrics and settles the creator’s share into billing’s ledger and revenue journal', async () => {
    const metrics = await admin(
      'GET',
      `/v1/admin/ads/metrics?from=${day()}&to=${day()}&groupBy=campaign&campaignId=${prerollCampaign}`,
    );
    expect(metrics.status).toBe(200);
    expect(metrics.body.rows).toEqual([
      expect.objectContaining({ key: prerollCampaign, currency: 'usd', impressions: 3, clicks: 1, spend: 6 }),
    ]);
    expect(metrics.body.rows[0].ctr).toBeCloseTo(1 / 3);
    expect(metrics.body.rows[0].fillRate).toBeGreaterThan(0);
    expect((await admin('GET', '/v1/admin/ads/metrics?from=2026-13-01&to=x')).body.code).toBe('ads.input.invalid');

    // Insights' platform overview shows the same delivery through ads' port, grouped four ways.
    const from = `${day()}T00:00:00Z`;
    const to = new Date(Date.parse(from) + 86_400_000).toISOString();
    const overview = await admin('GET', `/v1/admin/insights/overview?from=${from}&to=${to}`);
    expect(overview.status).toBe(200);
    const { ads } = overview.body;
    expect(ads).toMatchObject({ from: day(), to: day(), truncated: false });
    expect(ads.byCampaign.find((row: { key: string }) => row.key === prerollCampaign)).toEqual({
      ...metrics.body.rows[0],
      name: 'Campaign',
    });
    const placements = Object.fromEntries(
      ads.byPlacement.map((row: { key: string; impressions: number }) => [row.key, row.impressions]),
    );
    expect(placements).toEqual({ preroll: 3, rectangle: 1 });
    expect(ads.byDay).toEqual([expect.objectContaining({ key: day(), impressions: 4, clicks: 1, spend: 8 })]);
    expect(ads.byCreative.find((row: { key: string }) => row.key === prerollCreative)).toMatchObject({
      impressions: 3,
      clicks: 1,
    });

    const settled = await admin('POST', '/v1/admin/ads/settlements');
    expect(settled.status).toBe(200);
    // 4 impressions (3 pre-rolls, 1 rectangle) at CPM 2000 = 8 minor units on the creator's video; 55% is 4.4 → 4.
    expect(settled.body).toEqual([
      expect.objectContaining({
        creatorId: creator.user.id,
        currency: 'usd',
        impressions: 4,
        grossAmount: 8,
        shareAmount: 4,
      }),
    ]);
    // Settled impressions are not settled again.
    expect((await admin('POST', '/v1/admin/ads/settlements')).body).toEqual([]);

    const ledger = await eventually(async () => {
      const answer = await harness.app.request('GET', '/v1/billing/ledger', { token: creator.tokens.accessToken });
      expect(answer.body.totals).toEqual([expect.objectContaining({ currency: 'usd', adShare: 4 })]);
      return answer.body;
    });
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: 'ad_share', tipId: null, gross: 8, commission: 4, net: 4 }),
    ]);
    const journal = await sql<{ amount: string; creator_id: string }>(
      harness.app,
      `select amount, creator_id from billing.revenue_entries where stream = 'ads'`,
    );
    expect(journal).toEqual([{ amount: '8', creator_id: creator.user.id }]);
  });

  it('pays the settled share to the creator’s payout account once it is active, once per settlement, held like tips', async () => {
    const { app, fake } = harness;
    const deliver = async (events: unknown) => {
      const statuses = await fake.deliver(webhookUrl(app), events as Stripe.Event[]);
      expect(statuses.every((status) => status === 200)).toBe(true);
      await webhooksSettle(app);
    };
    const ledger = async () =>
      (await app.request('GET', '/v1/billing/ledger', { token: creator.tokens.accessToken })).body;
    const transfers = () =>
      sql<{ transfer_id: string | null }>(
        app,
        `select transfer_id from billing.creator_ledger_entries where creator_id = ? and kind = 'ad_share'`,
        [creator.user.id],
      );
    // Settled before the creator could be paid: owed, in the balance, awaiting its transfer.
    expect(await ledger()).toMatchObject({
      totals: [expect.objectContaining({ adShare: 4, adShareAwaitingTransfer: 4 })],
      balances: [{ currency: 'usd', amount: 4 }],
    });

    const connect = await app.request('POST', '/v1/billing/payout-account', {
      token: creator.tokens.accessToken,
      body: {},
    });
    expect(connect.status).toBe(201);
    const onboarded = await fake.emulator.completeOnboarding(
      new URL(connect.body.onboardingUrl).pathname.split('/').pop()!,
    );
    const accountId = onboarded.result.id;
    await deliver(onboarded.events);
    const [{ transfer_id: transferId }] = await eventually(async () => {
      const rows = await transfers();
      expect(rows).toEqual([{ transfer_id: expect.stringMatching(/^tr_/) }]);
      return rows;
    });
    expect(await fake.emulator.connectBalance(accountId)).toEqual({ usd: 4 });
    expect(await ledger()).toMatchObject({
      totals: [expect.objectContaining({ adShare: 4, adShareAwaitingTransfer: 0 })],
      balances: [{ currency: 'usd', amount: 4 }],
      entries: [expect.objectContaining({ kind: 'ad_share', transferId })],
    });

    // The same settlement delivered again (another outbox message) records and pays nothing more.
    const [settlement] = await sql<{ payload: Record<string, unknown> }>(
      app,
      `select payload from platform.outbox where type = 'ads.revenue-shared.v1' and payload->>'creatorId' = ?`,
      [creator.user.id],
    );
    await emitConsumed(app, 'ads.revenue-shared.v1', 'billing.record-ad-revenue', settlement.payload, 2);
    // A commit lost after Stripe made the transfer: the sweep asks again with the same key and gets the same transfer.
    // The minute's sweep is held, or it may ask first and leave this one nothing to count.
    const sweep = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(BillingMaintenance).run());
    await withScheduleHeld(app, BILLING_MAINTENANCE_QUEUE, async () => {
      await sql(app, `update billing.creator_ledger_entries set transfer_id = null where transfer_id = ?`, [
        transferId,
      ]);
      expect((await sweep()).adShareTransfers).toBe(1);
    });
    expect(await transfers()).toEqual([{ transfer_id: transferId }]);
    expect(await fake.emulator.connectBalance(accountId)).toEqual({ usd: 4 });

    // A suspension holds the ad share with the rest of the account's balance; lifting it lets the payout run.
    await suspension(app, creator.user.id, 'imposed');
    expect((await fake.emulator.runPayouts(accountId)).result).toEqual([]);
    await suspension(app, creator.user.id, 'lifted');
    const run = await fake.emulator.runPayouts(accountId);
    expect(run.result).toEqual([expect.objectContaining({ amount: 4, currency: 'usd' })]);
    await deliver(run.events);
    expect((await ledger()).balances).toEqual([{ currency: 'usd', amount: 0 }]);
  });

  it('lets admins edit a campaign within its delivery, archive creatives and campaigns, and stops serving them at once', async () => {
    const id = await campaign({ cpm: 50_000, totalBudget: 100_000 });
    const path = `/v1/admin/ads/campaigns/${id}`;
    const creative = await admin('POST', `${path}/creatives`, {
      placement: 'leaderboard',
      clickUrl: 'https://acme.example/edit',
      imageUrl: 'https://cdn.acme.example/edit.png',
    });
    expect(creative.status).toBe(201);
    const device = (n: number) => ({ ...DEVICE, 'x-device-id': `device-e2e-edit-${n}` });
    const served = async (n: number) => (await decide('leaderboard', device(n))).body.ad?.creative.id ?? null;
    // Two impressions at CPM 50,000: 100 minor units spent.
    for (const n of [1, 2]) {
      const ad = (await decide('leaderboard', device(n))).body.ad;
      expect(ad.creative.id).toBe(creative.body.id);
      expect((await report('ad_impression', ad.token)).body).toMatchObject({ accepted: 1 });
    }

    // Hostile edits: each refused with its code, nothing changed.
    const refused = async (body: unknown, status: number, code: string, at = path) => {
      const answer = await admin('PATCH', at, body);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
    };
    await refused({ totalBudget: 99 }, 422, 'ads.campaign.budget-below-spend');
    await refused({ impressionGoal: 1 }, 422, 'ads.campaign.goal-below-delivered');
    await refused({ endsAt: '2020-01-01T00:00:00Z' }, 400, 'ads.campaign.invalid-flight');
    await refused({ totalBudget: null }, 400, 'ads.campaign.unbounded');
    await refused({ dailyBudget: 200_000 }, 400, 'ads.input.invalid');
    await refused({ targeting: { countries: ['France'] } }, 400, 'ads.input.invalid');
    for (const body of [{ totalBudget: 0 }, { cpm: -5 }, { name: null }, { currency: 'eur' }, { advertiserId: id }])
      await refused(body, 400, 'validation.failed');
    await refused({ cpm: 1 }, 404, 'ads.campaign.not-found', `/v1/admin/ads/campaigns/${randomUUID()}`);
    const fan = await registerUser(harness.app);
    const asFan = await harness.app.request('PATCH', path, { token: fan.tokens.accessToken, body: { cpm: 1 } });
    expect(asFan.status).toBe(403);
    const unchanged = (await admin('GET', '/v1/admin/ads/campaigns')).body.campaigns.find(
      (c: { id: string }) => c.id === id,
    );
    expect(unchanged).toMatchObject({
      name: 'Campaign',
      cpm: 50_000,
      totalBudget: 100_000,
      impressions: 2,
      spent: 100,
    });

    // A budget down to exactly the spend is allowed (and exhausts the campaign).
    expect((await admin('PATCH', path, { totalBudget: 100 })).body).toMatchObject({ totalBudget: 100 });
    expect(await served(3)).toBeNull();
    const edited = await admin('PATCH', path, {
      name: 'Campaign, extended',
      endsAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      totalBudget: null,
      impressionGoal: 1000,
      frequencyCap: 1,
      targeting: { devices: ['mobile'], languages: ['en'] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Campaign, extended',
      totalBudget: null,
      impressionGoal: 1000,
      frequencyCap: 1,
      targeting: { devices: ['mobile'], languages: ['en'] },
      currency: 'usd',
      advertiserId,
    });
    // Served again at once; its own cap of 1 now stops a device that has seen it.
    expect(await served(3)).toBe(creative.body.id);
    expect(await served(1)).toBeNull();
    await admin('PATCH', path, { targeting: { countries: ['FR'] } });
    expect(await served(4)).toBeNull();
    await admin('PATCH', path, { targeting: {} });
    expect(await served(4)).toBe(creative.body.id);

    // Archiving the creative removes it from serving; history and the listing with archived items keep it.
    const archived = await admin('POST', `/v1/admin/ads/creatives/${creative.body.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).toEqual(expect.any(String));
    expect((await admin('POST', `/v1/admin/ads/creatives/${creative.body.id}/archive`)).body.archivedAt).toBe(
      archived.body.archivedAt,
    );
    expect(await served(5)).toBeNull();
    const creativesOf = async (query = '') =>
      (await admin('GET', `/v1/admin/ads/campaigns${query}`)).body.campaigns.find((c: { id: string }) => c.id === id)
        ?.creatives;
    expect(await creativesOf()).toEqual([]);
    expect(await creativesOf('?includeArchived=true')).toEqual([expect.objectContaining({ id: creative.body.id })]);
    expect((await admin('POST', `/v1/admin/ads/creatives/${randomUUID()}/archive`)).body).toMatchObject({
      status: 404,
      code: 'ads.creative.not-found',
    });

    // Archiving the campaign ends it for good: no edits, no resuming, no new creatives; metrics keep it.
    const ended = await admin('POST', `${path}/archive`);
    expect(ended.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String), impressions: 2 });
    await refused({ cpm: 1000 }, 409, 'ads.campaign.archived');
    expect((await admin('PUT', `${path}/status`, { status: 'active' })).body.code).toBe('ads.campaign.archived');
    const late = await admin('POST', `${path}/creatives`, {
      placement: 'rectangle',
      clickUrl: 'https://acme.example',
      imageUrl: 'https://cdn.acme.example/late.png',
    });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'ads.campaign.archived' });
    expect((await admin('POST', `/v1/admin/ads/campaigns/${randomUUID()}/archive`)).body.code).toBe(
      'ads.campaign.not-found',
    );
    expect(await creativesOf()).toBeUndefined();
    expect(await creativesOf('?includeArchived=true')).toHaveLength(1);
    const metrics = await admin(
      'GET',
      `/v1/admin/ads/metrics?from=${day()}&to=${day()}&groupBy=campaign&campaignId=${id}`,
    );
    expect(metrics.body.rows).toEqual([expect.objectContaining({ key: id, impressions: 2 })]);
  });
});
