import { randomUUID } from 'node:crypto';
import { eventually, type TestApp } from '@lib/platform/testing';
import { sql } from '../../support/billing.js';
import {
  BROWSER_UA,
  clientEvent,
  hourAgo,
  minutes,
  pgArray,
  PHONE_UA,
  rebuildRollups,
  startInsights,
  track,
} from '../../support/insights.js';
import { registerUser } from '../../support/showrunner.js';

describe('insights: event ingestion (POST /v1/events)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startInsights({ INSIGHTS_MAX_BATCH: '500', INSIGHTS_ROLLUP_INTERVAL_SECONDS: '1' });
  });
  afterAll(() => app.close());

  const stored = async (ids: string[]) =>
    sql<Record<string, any>>(
      app,
      `select * from insights.events where event_id = any(?::uuid[]) order by occurred_at`,
      [pgArray(ids)],
    );

  it('stores a batch with the user from the token and the request context (device, OS, country, referrer, UTM)', async () => {
    const viewer = await registerUser(app);
    const videoId = randomUUID();
    const channelId = randomUUID();
    const at = new Date(Date.now() - 60_000);
    const events = [
      clientEvent('page_view', at, {
        properties: { url: 'https://app.example.com/watch?utm_source=Newsletter&utm_medium=email&utm_campaign=launch' },
      }),
      clientEvent('video_start', at, {
        videoId,
        properties: { channelId, duration: 200, referrer: 'https://www.google.com/search?q=x' },
      }),
      clientEvent('video_progress', at, {
        videoId,
        properties: { channelId, duration: 200, position: 50, elapsed: 12 },
      }),
    ];
    const answer = await track(app, events, {
      token: viewer.tokens.accessToken,
      userAgent: PHONE_UA,
      headers: { 'cf-ipcountry': 'fr' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accepted: 3, duplicates: 0, filtered: 0, rejected: [] });

    const rows = await stored(events.map((e) => e.eventId));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({
        user_id: viewer.user.id,
        viewer_key: viewer.user.id,
        device: 'mobile',
        os: 'iOS',
        country: 'FR',
        source: 'client',
      });
    }
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName.page_view).toMatchObject({
      utm_source: 'Newsletter',
      utm_medium: 'email',
      utm_campaign: 'launch',
      traffic_source: 'newsletter',
    });
    // A video studio does not know belongs to no channel, whatever channel the player claims.
    expect(byName.video_start).toMatchObject({
      video_id: videoId,
      channel_id: null,
      creator_id: null,
      traffic_source: 'google.com',
      referrer: 'https://www.google.com/search?q=x',
    });
    expect(byName.video_progress).toMatchObject({ position_pct: 25, watch_seconds: 12 });
  });

  it('keeps anonymous events under their session', async () => {
    const event = clientEvent('page_view', new Date(), { sessionId: 'anon-42' });
    expect((await track(app, [event])).body.accepted).toBe(1);
    const [row] = await stored([event.eventId]);
    expect(row).toMatchObject({ user_id: null, viewer_key: 's:anon-42', device: 'desktop', os: 'Windows' });
  });

  it('rejects bad events one by one with their index and code, and keeps the good ones', async () => {
    const good = clientEvent('click', new Date());
    const answer = await track(app, [
      { ...clientEvent('click', new Date()), eventId: 'not-a-uuid' },
      good,
      { ...clientEvent('Bad Name!', new Date()) },
      { ...clientEvent('click', new Date()), timestamp: 'yesterday' },
      { ...clientEvent('click', new Date()), sessionId: '' },
      { ...clientEvent('video_start', new Date()), videoId: '42' },
      { ...clientEvent('click', new Date()), properties: ['a'] },
      { ...clientEvent('click', new Date()), extra: true },
      { ...clientEvent('payment', new Date()) },
      'not an object',
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [0, 'insights.event.invalid-id'],
      [2, 'insights.event.invalid-name'],
      [3, 'insights.event.invalid-timestamp'],
      [4, 'insights.event.invalid-session'],
      [5, 'insights.event.invalid-video-id'],
      [6, 'insights.event.invalid-properties'],
      [7, 'insights.event.unknown-field'],
      [8, 'insights.event.reserved-name'],
      [9, 'insights.event.not-an-object'],
    ]);
    expect(await stored([good.eventId])).toHaveLength(1);
  });

  it('rejects an event stamped far in the future', async () => {
    const future = clientEvent('click', new Date(Date.now() + 3_600_000));
    const answer = await track(app, [future, clientEvent('click', new Date())]);
    expect(answer.body.accepted).toBe(1);
    expect(answer.body.rejected).toEqual([
      expect.objectContaining({ index: 0, code: 'insights.event.too-far-in-future' }),
    ]);
    expect(await stored([future.eventId])).toHaveLength(0);
  });

  it('rejects an event stamped far in the past', async () => {
    const old = clientEvent('click', new Date(Date.now() - 30 * 86_400_000));
    const answer = await track(app, [old]);
    expect(answer.body).toMatchObject({
      accepted: 0,
      rejected: [expect.objectContaining({ index: 0, code: 'insights.event.too-old' })],
    });
  });

  it('answers a batch over the limit with 413 and stores none of it', async () => {
    const events = Array.from({ length: 501 }, () => clientEvent('click', new Date()));
    const answer = await track(app, events);
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('insights.batch.too-large');
    expect(await stored([events[0].eventId])).toHaveLength(0);
  });

  it('accepts a full batch of 500', async () => {
    const answer = await track(
      app,
      Array.from({ length: 500 }, () => clientEvent('click', new Date())),
    );
    expect(answer.body).toMatchObject({ accepted: 500, duplicates: 0 });
  });

  it('counts an event id repeated within a batch once', async () => {
    const event = clientEvent('click', new Date());
    const answer = await track(app, [event, { ...event }, { ...event, name: 'other' }]);
    expect(answer.body).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(await stored([event.eventId])).toHaveLength(1);
  });

  it('does not count a retried batch twice (idempotent on eventId across batches)', async () => {
    const events = [clientEvent('click', new Date()), clientEvent('click', new Date())];
    expect((await track(app, events)).body).toMatchObject({ accepted: 2, duplicates: 0 });
    const fresh = clientEvent('click', new Date());
    expect((await track(app, [...events, fresh])).body).toMatchObject({ accepted: 1, duplicates: 2 });
    // Concurrent retries of the same batch: exactly one copy of each event.
    const retried = [clientEvent('click', new Date()), clientEvent('click', new Date())];
    const answers = await Promise.all(Array.from({ length: 5 }, () => track(app, retried)));
    expect(answers.reduce((sum, a) => sum + a.body.accepted, 0)).toBe(2);
    expect(await stored([...events, fresh, ...retried].map((e) => e.eventId))).toHaveLength(5);
  });

  it('filters bots by User-Agent', async () => {
    const event = clientEvent('page_view', new Date());
    const answer = await track(app, [event], {
      userAgent: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    });
    expect(answer.body).toEqual({ accepted: 0, duplicates: 0, filtered: 1, rejected: [] });
    expect((await track(app, [clientEvent('page_view', new Date())], { userAgent: 'curl/8.5.0' })).body.filtered).toBe(
      1,
    );
    expect(await stored([event.eventId])).toHaveLength(0);
  });

  it('refuses a body that is not a batch', async () => {
    const answer = await app.request('POST', '/v1/events', {
      body: { events: 'x' },
      headers: { 'user-agent': BROWSER_UA },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation.failed');
  });

  it('counts a view once per viewer, video and window (anti-inflation)', async () => {
    const videoId = randomUUID();
    const channelId = randomUUID();
    const hour = hourAgo(5);
    // Studio's catalogue as `studio.video-published.v1` leaves it: the video is the channel's.
    await sql(app, `insert into insights.videos (video_id, channel_id, creator_id) values (?, ?, ?)`, [
      videoId,
      channelId,
      randomUUID(),
    ]);
    const start = (at: Date, sessionId: string) => clientEvent('video_start', at, { videoId, sessionId });
    await track(app, [
      start(minutes(hour, 5), 'viewer-a'),
      start(minutes(hour, 20), 'viewer-a'), // same window: not a new view
      start(minutes(hour, 70), 'viewer-a'), // next window
      start(minutes(hour, 30), 'viewer-b'),
      start(minutes(hour, 31), 'viewer-b'),
    ]);
    await rebuildRollups(app, hour, minutes(hour, 120));
    const rows = await sql<{ bucket: Date; views: number; unique_viewers: number }>(
      app,
      `select bucket, views, unique_viewers from insights.rollups where grain = 'hour' and scope = 'video' and scope_id = ? order by bucket`,
      [videoId],
    );
    expect(rows.map((r) => [r.views, r.unique_viewers])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const [day] = await sql<{ views: number }>(
      app,
      `select sum(views)::int as views from insights.rollups where grain = 'day' and scope = 'channel' and scope_id = ?`,
      [channelId],
    );
    expect(day.views).toBe(3);
  });

  it('rebuilds one hour from several places at once (job, CLI, another worker) into one set of rows', async () => {
    const videoId = randomUUID();
    const hour = hourAgo(7);
    await track(app, [clientEvent('video_start', minutes(hour, 10), { videoId, sessionId: 'viewer-c' })]);
    // Each deletes the hour's rows and writes them again: without one build at a time, a duplicate key.
    await Promise.all(Array.from({ length: 4 }, () => rebuildRollups(app, hour, minutes(hour, 60))));
    const rows = await sql<{ views: number }>(
      app,
      `select views from insights.rollups where grain = 'hour' and scope = 'video' and scope_id = ?`,
      [videoId],
    );
    expect(rows).toEqual([{ views: 1 }]);
  });

  it('folds new and late events into rollups with the repeatable job (no rebuild asked)', async () => {
    const videoId = randomUUID();
    const late = hourAgo(30); // a day-old event still lands in its own (already built) hour
    const now = new Date();
    const thisHour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    await track(app, [
      clientEvent('video_start', now, { sessionId: 'job-a', videoId }),
      clientEvent('video_start', minutes(late, 10), { sessionId: 'job-b', videoId }),
    ]);
    await eventually(
      async () => {
        const rows = await sql<{ bucket: Date; views: number }>(
          app,
          `select bucket, views from insights.rollups where grain = 'hour' and scope = 'video' and scope_id = ? order by bucket`,
          [videoId],
        );
        expect(rows.map((row) => [new Date(row.bucket).toISOString(), row.views])).toEqual([
          [late.toISOString(), 1],
          [thisHour.toISOString(), 1],
        ]);
      },
      { timeoutMs: 15_000 },
    );
  });

  it('ingests other contexts’ events through consumers (a registration becomes a signup)', async () => {
    const user = await registerUser(app);
    await eventually(async () => {
      const rows = await sql(app, `select name, source from insights.events where user_id = ? and source = 'domain'`, [
        user.user.id,
      ]);
      expect(rows).toEqual([{ name: 'signup', source: 'domain' }]);
      const [known] = await sql(app, `select email from insights.users where user_id = ?`, [user.user.id]);
      expect(known).toEqual({ email: user.user.email });
    });
  });

  it('documents its routes in the OpenAPI document, POST /v1/events as public with optional authentication', async () => {
    const document = (await app.request('GET', '/docs-json')).body;
    const ingest = document.paths['/v1/events'].post;
    expect(ingest.security).toEqual(expect.arrayContaining([{}, { bearer: [] }]));
    expect(ingest.description).toMatch(/public, authentication optional/);
    const paths = Object.keys(document.paths);
    for (const route of [
      '/v1/events',
      '/v1/insights/channels/{id}/overview',
      '/v1/insights/videos/{id}',
      '/v1/insights/channels/{id}/weekly-report',
      '/v1/insights/exports',
      '/v1/insights/exports/{id}',
      '/v1/admin/insights/overview',
    ]) {
      expect(paths).toContain(route);
    }
  });

  it('creates partitions ahead and drops those past retention (last: it drops this file’s old partitions)', async () => {
    const { PartitionMaintenance } = await import('../../../libs/insights/src/application/event-store.js');
    const maintenance = app.app.get(PartitionMaintenance);
    const day = (offset: number) =>
      `insights.events_p${new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')}`;
    const exists = async (name: string) =>
      (await sql<{ found: string | null }>(app, `select to_regclass(?)::text as found`, [name]))[0].found !== null;
    expect(await exists(day(20))).toBe(false);
    expect(await maintenance.ensureAhead(new Date(), 20)).toBeGreaterThan(0);
    expect(await exists(day(20))).toBe(true);
    expect(await maintenance.ensureAhead(new Date(), 20)).toBe(0);
    expect(await exists(day(-20))).toBe(true);
    expect(await maintenance.dropExpired(new Date(), 10)).toBeGreaterThan(0);
    expect(await exists(day(-20))).toBe(false);
    expect(await exists(day(-5))).toBe(true);
  });
});
