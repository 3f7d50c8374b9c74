import { randomUUID } from 'node:crypto';
import { eventually } from '@lib/platform/testing';
import {
  planBecomes,
  sql,
  subscribe,
  webhookUrl,
  webhooksSettle,
  type BillingOnFakeStripe,
} from '../../support/billing.js';
import type Stripe from 'stripe';
import { clientEvent, PHONE_UA, rebuildRollups, startInsightsWithBilling, track } from '../../support/insights.js';
import { registerUser, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, studioPerson } from '../studio/studio-helpers.js';

const DAY = 86_400_000;

/**
 * Fixture (hand-computed below). The creator's studio channel has published V1 (100 s) and V2 (200 s);
 * players send no channel (one they sent would be ignored). The range is [base, base + 4 days), base = UTC midnight three days ago.
 *  day 1 10:00  A starts V1, heartbeats at 50 s (+30 s) and 100 s (+30 s), completes; B (phone, US,
 *               from youtube) starts V1, heartbeat at 25 s (+20 s); A starts V1 again at 10:30 (same window)
 *  day 2 15:00  C (phone, DE, utm newsletter) starts V2, heartbeat at 100 s (+40 s); A starts V1, heartbeat at 10 s (+10 s)
 *  previous period (base - 1 day, 12:00): D starts V1, heartbeat +10 s
 * Channel: views 4 (V1 3, V2 1), unique viewers 3, watch 130 s, average 32.5 s, completion 1/4,
 * previous: views 1, unique 1, watch 10 s.
 */
describe('insights: creator analytics', () => {
  let harness: BillingOnFakeStripe;
  let creator: RegisteredUser; // studio-pro: advanced analytics
  let basicCreator: RegisteredUser; // creator-plus: basic analytics
  const v1 = randomUUID();
  const v2 = randomUUID();
  const base = new Date(Math.floor(Date.now() / DAY) * DAY - 3 * DAY);
  const at = (day: number, hour: number, minute = 0) =>
    new Date(base.getTime() + day * DAY + hour * 3_600_000 + minute * 60_000);
  const from = base.toISOString();
  const to = new Date(base.getTime() + 4 * DAY).toISOString();
  let channel: string;

  const get = (user: RegisteredUser, path: string) =>
    harness.app.request('GET', path, { token: user.tokens.accessToken });

  beforeAll(async () => {
    harness = await startInsightsWithBilling();
    const { app, fake } = harness;
    creator = await studioPerson(app);
    basicCreator = await registerUser(app);
    await subscribe(app, fake, creator, 'studio-pro');
    await subscribe(app, fake, basicCreator, 'creator-plus');
    channel = await createChannel(app, creator);
    // Studio's catalogue as its `studio.video-published.v1` events leave it.
    for (const [video, duration] of [
      [v1, 100],
      [v2, 200],
    ] as const) {
      await sql(
        app,
        `insert into insights.videos (video_id, channel_id, creator_id, title, duration_seconds, published_at) values (?, ?, ?, 'V', ?, ?)`,
        [video, channel, creator.user.id, duration, at(-2, 0).toISOString()],
      );
    }
    const p1 = (extra: Record<string, unknown> = {}) => ({ ...extra });
    const p2 = p1;
    const send = async (events: unknown[], options: Parameters<typeof track>[2] = {}) => {
      const answer = await track(app, events, options);
      expect(answer.body).toMatchObject({ accepted: events.length, rejected: [] });
    };
    await send([
      clientEvent('video_start', at(0, 10), { sessionId: 'a', videoId: v1, properties: p1() }),
      clientEvent('video_progress', at(0, 10, 1), {
        sessionId: 'a',
        videoId: v1,
        properties: p1({ position: 50, elapsed: 30 }),
      }),
      clientEvent('video_progress', at(0, 10, 2), {
        sessionId: 'a',
        videoId: v1,
        properties: p1({ position: 100, elapsed: 30 }),
      }),
      clientEvent('video_complete', at(0, 10, 3), { sessionId: 'a', videoId: v1, properties: p1() }),
      clientEvent('video_start', at(0, 10, 30), { sessionId: 'a', videoId: v1, properties: p1() }),
      clientEvent('video_start', at(1, 15, 5), { sessionId: 'a', videoId: v1, properties: p1() }),
      clientEvent('video_progress', at(1, 15, 6), {
        sessionId: 'a',
        videoId: v1,
        properties: p1({ position: 10, elapsed: 10 }),
      }),
    ]);
    await send(
      [
        clientEvent('video_start', at(0, 10, 10), {
          sessionId: 'b',
          videoId: v1,
          properties: p1({ referrer: 'https://www.youtube.com/watch?v=1' }),
        }),
        clientEvent('video_progress', at(0, 10, 11), {
          sessionId: 'b',
          videoId: v1,
          properties: p1({ position: 25, elapsed: 20 }),
        }),
      ],
      { userAgent: PHONE_UA, headers: { 'cf-ipcountry': 'US' } },
    );
    await send(
      [
        clientEvent('video_start', at(1, 15), {
          sessionId: 'c',
          videoId: v2,
          properties: p2({ utm_source: 'newsletter' }),
        }),
        clientEvent('video_progress', at(1, 15, 1), {
          sessionId: 'c',
          videoId: v2,
          properties: p2({ position: 100, elapsed: 40 }),
        }),
      ],
      { userAgent: PHONE_UA, headers: { 'cf-ipcountry': 'DE' } },
    );
    await send([
      clientEvent('video_start', at(-1, 12), { sessionId: 'd', videoId: v1, properties: p1() }),
      clientEvent('video_progress', at(-1, 12, 1), {
        sessionId: 'd',
        videoId: v1,
        properties: p1({ position: 5, elapsed: 10 }),
      }),
    ]);
    // A follower of the creator through engagement's event (consumed into the raw log, in the creator's personal scope).
    const fan = await registerUser(app);
    expect(
      (await app.request('POST', `/v1/creators/${creator.user.id}/follow`, { token: fan.tokens.accessToken })).status,
    ).toBeLessThan(300);
    await eventually(async () => {
      const rows = await sql(app, `select 1 from insights.events where name = 'follow' and channel_id = ?`, [
        creator.user.id,
      ]);
      expect(rows).toHaveLength(1);
    });
    await rebuildRollups(app, new Date(base.getTime() - 4 * DAY), new Date(Date.now() + 3_600_000));
  }, 180_000);
  afterAll(() => harness.close());

  it('gives a channel’s figures against the previous period (hand-computed)', async () => {
    const answer = await get(
      creator,
      `/v1/insights/channels/${channel}/overview?from=${from}&to=${to}&compare=previous&granularity=day`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.metrics).toEqual({
      views: { value: 4, previous: 1, change: 3 },
      uniqueViewers: { value: 3, previous: 1, change: 2 },
      watchTimeSeconds: { value: 130, previous: 10, change: 12 },
      averageViewDurationSeconds: { value: 32.5, previous: 10, change: 2.25 },
      completionRate: { value: 0.25, previous: 0, change: null },
      // The fan followed the creator: the creator's channel counts the follow.
      newFollowers: { value: 1, previous: 0, change: null },
      // No likes, comments or ratings in this fixture (engagement-dashboards.e2e-spec.ts has them).
      likes: { value: 0, previous: 0, change: 0 },
      comments: { value: 0, previous: 0, change: 0 },
      ratings: { value: 0, previous: 0, change: 0 },
      revenueCents: { value: 0, previous: 0, change: 0 },
    });
    expect(
      answer.body.series.map((p: { start: string; views: number; watchSeconds: number; uniqueViewers: number }) => [
        p.start,
        p.views,
        p.watchSeconds,
        p.uniqueViewers,
      ]),
    ).toEqual([
      [at(0, 0).toISOString(), 2, 80, 2],
      [at(1, 0).toISOString(), 2, 50, 2],
      [at(2, 0).toISOString(), 0, 0, 0],
      [at(3, 0).toISOString(), 0, 0, 0],
    ]);
  });

  it('counts the creator’s new followers in their personal scope (their user id)', async () => {
    const answer = await get(creator, `/v1/insights/channels/${creator.user.id}/overview?from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    expect(answer.body.metrics).toMatchObject({ newFollowers: { value: 1 }, views: { value: 0 } });
  });

  it('buckets the series in the requested time zone', async () => {
    const answer = await get(
      creator,
      `/v1/insights/channels/${channel}/overview?from=${from}&to=${to}&tz=Asia/Tokyo&granularity=day`,
    );
    expect(answer.status).toBe(200);
    // Tokyo is UTC+9: local days start at 15:00 UTC, and day 2's 15:00 events open a new local day.
    const points = answer.body.series.map((p: { start: string; views: number }) => [p.start, p.views]);
    expect(points[0]).toEqual([at(-1, 15).toISOString(), 2]);
    expect(points[1]).toEqual([at(0, 15).toISOString(), 0]);
    expect(points[2]).toEqual([at(1, 15).toISOString(), 2]);
    expect(points.reduce((sum: number, [, views]: [string, number]) => sum + views, 0)).toBe(4);
  });

  it('gives one video’s retention curve, traffic sources, countries and devices (hand-computed)', async () => {
    const answer = await get(creator, `/v1/insights/videos/${v1}?from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    expect(answer.body.channelId).toBe(channel);
    expect(answer.body.metrics).toMatchObject({
      views: { value: 3 },
      uniqueViewers: { value: 2 },
      watchTimeSeconds: { value: 90 },
      averageViewDurationSeconds: { value: 30 },
      completionRate: { value: 0.3333 },
    });
    // Reach per viewer and hour: A 100% (day 1), B 25%, A 10% (day 2).
    const share = Object.fromEntries(answer.body.retention.map((p: { at: number; share: number }) => [p.at, p.share]));
    expect(answer.body.retention).toHaveLength(21);
    expect([share[0], share[10], share[15], share[25], share[30], share[95], share[100]]).toEqual([
      1, 1, 0.6667, 0.6667, 0.3333, 0.3333, 0.3333,
    ]);
    expect(answer.body.trafficSources).toEqual([
      { value: 'direct', views: 2 },
      { value: 'youtube.com', views: 1 },
    ]);
    expect(answer.body.countries).toEqual([
      { value: 'unknown', views: 2 },
      { value: 'US', views: 1 },
    ]);
    expect(answer.body.devices).toEqual([
      { value: 'desktop', views: 2 },
      { value: 'mobile', views: 1 },
    ]);
    const other = await get(creator, `/v1/insights/videos/${v2}?from=${from}&to=${to}`);
    expect(other.body.trafficSources).toEqual([{ value: 'newsletter', views: 1 }]);
    expect(other.body.countries).toEqual([{ value: 'DE', views: 1 }]);
  });

  it('answers another creator’s channel with 404', async () => {
    const answer = await get(basicCreator, `/v1/insights/channels/${channel}/overview?from=${from}&to=${to}`);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('insights.channel.not-found');
  });

  it('answers another creator’s video with 404', async () => {
    const rival = await registerUser(harness.app);
    await subscribe(harness.app, harness.fake, rival, 'studio-pro');
    const answer = await get(rival, `/v1/insights/videos/${v1}?from=${from}&to=${to}`);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('insights.video.not-found');
  });

  it('keeps video details for advanced analytics (403 on a basic plan)', async () => {
    const own = randomUUID();
    await sql(
      harness.app,
      `insert into insights.videos (video_id, channel_id, creator_id, title, duration_seconds, published_at) values (?, ?, ?, 'V', 60, ?)`,
      [own, basicCreator.user.id, basicCreator.user.id, at(-2, 0).toISOString()],
    );
    const answer = await get(basicCreator, `/v1/insights/videos/${own}?from=${from}&to=${to}`);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('billing.entitlement.required');
  });

  it('refuses a time zone that does not exist', async () => {
    const answer = await get(
      creator,
      `/v1/insights/channels/${channel}/overview?from=${from}&to=${to}&tz=Mars/Olympus_Mons`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('insights.time-zone.invalid');
  });

  it('refuses `from` after `to`', async () => {
    const answer = await get(creator, `/v1/insights/channels/${channel}/overview?from=${to}&to=${from}`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('insights.range.invalid');
  });

  it('refuses a creator whose plan has no analytics', async () => {
    const free = await registerUser(harness.app);
    const answer = await get(free, `/v1/insights/channels/${free.user.id}/overview?from=${from}&to=${to}`);
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('billing.entitlement.required');
  });

  it('lets a basic plan read its own channel overview', async () => {
    const answer = await get(
      basicCreator,
      `/v1/insights/channels/${basicCreator.user.id}/overview?from=${from}&to=${to}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.metrics.views).toEqual({ value: 0 });
  });

  it('lets a studio channel’s whole team read its analytics, and nobody else, as the team changes', async () => {
    const { app } = harness;
    const teammate = await registerUser(app);
    const created = await app.request('POST', '/v1/studio/channels', {
      token: basicCreator.tokens.accessToken,
      body: { name: 'Team channel' },
    });
    expect(created.status).toBe(201);
    const studioChannel = created.body.id as string;
    // Studio learns of the new account from identity's event; invite once it has.
    await eventually(async () => {
      const invite = await app.request('POST', `/v1/studio/channels/${studioChannel}/members`, {
        token: basicCreator.tokens.accessToken,
        body: { handle: teammate.user.handle, role: 'viewer' },
      });
      expect(invite.status).toBe(201);
    });
    const overview = (user: RegisteredUser) =>
      get(user, `/v1/insights/channels/${studioChannel}/overview?from=${from}&to=${to}`);
    expect((await overview(basicCreator)).status).toBe(200);
    // The teammate stays on Free: a team member reads under the channel owner's plan (ADR 0056).
    expect((await overview(teammate)).status).toBe(404); // invited is not a member yet
    expect(
      (
        await app.request('POST', `/v1/studio/channels/${studioChannel}/invitation/accept`, {
          token: teammate.tokens.accessToken,
        })
      ).status,
    ).toBe(200);
    expect((await overview(teammate)).status).toBe(200);
    const outsider = await overview(creator);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('insights.channel.not-found');
    expect(
      (
        await app.request('DELETE', `/v1/studio/channels/${studioChannel}/members/${teammate.user.id}`, {
          token: basicCreator.tokens.accessToken,
        })
      ).status,
    ).toBeLessThan(300);
    expect((await overview(teammate)).status).toBe(404);
  });

  it('counts revenue from subscriptions whose checkout named the channel', async () => {
    const { app, fake } = harness;
    const fan = await registerUser(app);
    const checkout = await app.request('POST', '/v1/billing/checkout', {
      token: fan.tokens.accessToken,
      body: { planId: 'creator-plus', interval: 'month', attribution: { channelId: channel } },
    });
    expect(checkout.status).toBe(201);
    const paid = await fake.emulator.completeCheckout(checkout.body.sessionId, 'pay');
    await fake.deliver(webhookUrl(app), paid.events as unknown as Stripe.Event[]);
    await planBecomes(app, fan, 'creator-plus');
    await webhooksSettle(app);
    await eventually(async () => {
      const rows = await sql(
        app,
        `select amount_cents from insights.events where source = 'domain' and name = 'payment' and channel_id = ?`,
        [channel],
      );
      expect(rows).toEqual([{ amount_cents: '999' }]);
    });
    await rebuildRollups(app, new Date(Date.now() - 3_600_000), new Date(Date.now() + 3_600_000));
    const answer = await get(creator, `/v1/insights/channels/${channel}/overview?from=${from}&to=${to}`);
    expect(answer.body.metrics.revenueCents).toEqual({ value: 999 });
  });
});
