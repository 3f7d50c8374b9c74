import { randomUUID } from 'node:crypto';
import { eventually } from '@lib/platform/testing';
import { sql, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { clientEvent, rebuildRollups, startInsightsWithBilling, track } from '../../support/insights.js';
import { registerUser, type RegisteredUser } from '../../support/showrunner.js';

const DAY = 86_400_000;

/**
 * Fixture: u1, u2, u3 register today (the admin, created at boot, too). Today u1 and u2 watch video X
 * (u1 also Y); u3 was active two days ago only; four sessions have page views (s4 anonymous).
 * u1 buys Creator Plus monthly (999 cents, no trial). As of the end of today: DAU 2, WAU 3, MAU 3;
 * funnel 4 visitors → 4 signups → 2 first views → 1 subscription; top content X (2 views) then Y (1).
 */
describe('insights: platform analytics (admin)', () => {
  let harness: BillingOnFakeStripe;
  let users: RegisteredUser[];
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const from = new Date(today.getTime() - 6 * DAY).toISOString();
  const to = new Date(today.getTime() + DAY).toISOString();
  const videoX = randomUUID();
  const videoY = randomUUID();

  beforeAll(async () => {
    harness = await startInsightsWithBilling();
    const { app } = harness;
    users = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const [u1, u2, u3] = users as [RegisteredUser, RegisteredUser, RegisteredUser];
    const now = new Date(Math.max(Date.now() - 60_000, today.getTime())); // stays today just after midnight
    const twoDaysAgo = new Date(now.getTime() - 2 * DAY);
    const channelId = u1.user.id;
    await track(
      app,
      [
        clientEvent('page_view', now, { sessionId: 's1' }),
        clientEvent('video_start', now, { sessionId: 's1', videoId: videoX, properties: { channelId } }),
      ],
      {
        token: u1.tokens.accessToken,
      },
    );
    await track(
      app,
      [clientEvent('video_start', now, { sessionId: 's1', videoId: videoY, properties: { channelId } })],
      { token: u1.tokens.accessToken },
    );
    await track(
      app,
      [
        clientEvent('page_view', now, { sessionId: 's2' }),
        clientEvent('video_start', now, { sessionId: 's2', videoId: videoX, properties: { channelId } }),
      ],
      {
        token: u2.tokens.accessToken,
      },
    );
    await track(app, [clientEvent('page_view', twoDaysAgo, { sessionId: 's3' })], { token: u3.tokens.accessToken });
    await track(app, [clientEvent('page_view', now, { sessionId: 's4' })]);
    await subscribe(app, harness.fake, u1, 'creator-plus');
    await eventually(async () => {
      const rows = await sql(
        app,
        `select name from insights.events where source = 'domain' and user_id = ? and name in ('payment', 'subscription_activated')`,
        [u1.user.id],
      );
      expect(rows).toHaveLength(2);
      expect(await sql(app, `select 1 from insights.users`)).toHaveLength(4);
    });
    await rebuildRollups(app, new Date(from), new Date(to));
  }, 60_000);
  afterAll(() => harness.close());

  it('gives active users, signups, the funnel, top content and the revenue series (hand-computed)', async () => {
    const answer = await harness.app.request('GET', `/v1/admin/insights/overview?from=${from}&to=${to}`, {
      token: harness.adminToken,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.activeUsers).toEqual({ dau: 2, wau: 3, mau: 3 });
    expect(answer.body.newUsers).toBe(4);
    expect(answer.body.newUserSeries.at(-1)).toEqual({ day: today.toISOString().slice(0, 10), users: 4 });
    expect(answer.body.dailyActive.at(-1)).toEqual({ day: today.toISOString().slice(0, 10), users: 2 });
    expect(answer.body.dailyActive.at(-3)).toEqual({
      day: new Date(today.getTime() - 2 * DAY).toISOString().slice(0, 10),
      users: 1,
    });
    expect(answer.body.funnel).toEqual({ visitors: 4, signups: 4, firstView: 2, subscribed: 1 });
    expect(answer.body.topContent.map((v: { videoId: string; views: number }) => [v.videoId, v.views])).toEqual([
      [videoX, 2],
      [videoY, 1],
    ]);
    expect(answer.body.revenue).toHaveLength(7);
    expect(answer.body.revenue.at(-1)).toEqual({
      day: today.toISOString().slice(0, 10),
      mrrCents: 999,
      revenueCents: 999,
      newMrrCents: 999,
      expansionMrrCents: 0,
      contractionMrrCents: 0,
      churnedMrrCents: 0,
      reactivationMrrCents: 0,
      churnedSubscriptions: 0,
    });
    expect(answer.body.revenue[0].mrrCents).toBe(0);
  });

  it('puts this week’s signups in one cohort, with the share active each week since', async () => {
    const answer = await harness.app.request('GET', `/v1/admin/insights/overview?from=${from}&to=${to}`, {
      token: harness.adminToken,
    });
    const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY);
    const cohort = answer.body.cohorts.find((c: { week: string }) => c.week === monday.toISOString().slice(0, 10));
    // Week 0 of this cohort: u1, u2 (today) and u3 if two days ago was still this week.
    const u3InWeek = today.getTime() - 2 * DAY >= monday.getTime();
    expect(cohort).toEqual({ week: monday.toISOString().slice(0, 10), size: 4, retained: [u3InWeek ? 3 : 2] });
  });

  it('is for admins only', async () => {
    const answer = await harness.app.request('GET', `/v1/admin/insights/overview?from=${from}&to=${to}`, {
      token: users[0].tokens.accessToken,
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('auth.role-required');
  });

  it('refuses `from` after `to`', async () => {
    const answer = await harness.app.request('GET', `/v1/admin/insights/overview?from=${to}&to=${from}`, {
      token: harness.adminToken,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('insights.range.invalid');
  });
});
