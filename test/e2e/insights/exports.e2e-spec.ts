import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Socket } from 'socket.io-client';
import { MikroORM } from '@mikro-orm/postgresql';
import { inRequestContext } from '@lib/platform';
import { eventually, startSmtpServer, type TestSmtpServer } from '@lib/platform/testing';
import { RollupBuilder } from '../../../libs/insights/src/application/event-store.js';
import { RollupRunner } from '../../../libs/insights/src/application/rollup-runner.js';
import { sql, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { clientEvent, rebuildRollups, startInsightsWithBilling, track } from '../../support/insights.js';
import { connectSocket, registerUser, type RegisteredUser } from '../../support/showrunner.js';
import { createChannel, studioPerson } from '../studio/studio-helpers.js';

const run = promisify(execFile);
const DAY = 86_400_000;

/** Fraction of non-white pixels of a binary PGM (P5) image. */
function inkRatio(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error('not a binary PGM');
  const [, width, height] = header.map(Number) as [number, number, number];
  const pixels = pgm.subarray(header[0].length);
  let ink = 0;
  for (let i = 0; i < width * height; i += 1) if (pixels[i] < 200) ink += 1;
  return ink / (width * height);
}

describe('insights: exports (CSV streamed, PDF with a chart) and weekly reports', () => {
  let harness: BillingOnFakeStripe;
  let smtp: TestSmtpServer;
  let creator: RegisteredUser;
  let socket: Socket;
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const from = new Date(today.getTime() - 3 * DAY).toISOString();
  const to = new Date(today.getTime() + DAY).toISOString();
  const videoId = randomUUID();
  let channelId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // No periodic roll-up during the file: exports must fold pending hours themselves.
    harness = await startInsightsWithBilling({ MAIL_URL: smtp.url(), INSIGHTS_ROLLUP_INTERVAL_SECONDS: '86400' });
    creator = await studioPerson(harness.app);
    await subscribe(harness.app, harness.fake, creator, 'creator-plus');
    socket = await connectSocket(harness.app, { token: creator.tokens.accessToken });
    socket.on('insights:export-ready', (payload: { id: string }) => readyExports.set(payload.id, payload));
    channelId = await createChannel(harness.app, creator);
    // Studio's catalogue as `studio.video-published.v1` leaves it.
    await sql(harness.app, `insert into insights.videos (video_id, channel_id, creator_id) values (?, ?, ?)`, [
      videoId,
      channelId,
      creator.user.id,
    ]);
    // Two views two days ago, three yesterday.
    const day = (n: number, session: string) =>
      clientEvent('video_start', new Date(today.getTime() - n * DAY + 12 * 3_600_000), { sessionId: session, videoId });
    await track(harness.app, [day(2, 'a'), day(2, 'b'), day(1, 'a'), day(1, 'b'), day(1, 'c')]);
    await rebuildRollups(harness.app, new Date(from), new Date(to));
  }, 60_000);
  // A generous bound: closing once took over a minute in loaded parallel runs; on 2026-12-04 the whole file took 18 s three at a time.
  afterAll(async () => {
    socket.close();
    await harness.close();
    await smtp.close();
  }, 150_000);

  const requestExport = (body: Record<string, unknown>, user = creator) =>
    harness.app.request('POST', '/v1/insights/exports', {
      token: user.tokens.accessToken,
      body: { channelId, from, to, ...body },
    });

  // The creator's socket hears every export of theirs, including ones earlier tests requested and never
  // waited for: a test waits for the ready event of its own export id, never just the next one.
  const readyExports = new Map<string, Record<string, unknown>>();
  const exportReady = (id: string, timeoutMs: number) =>
    eventually(
      () => {
        expect(readyExports.has(id)).toBe(true);
        return readyExports.get(id)!;
      },
      { timeoutMs, intervalMs: 50 },
    );

  const download = (id: string, user = creator) =>
    fetch(`${harness.app.url}/v1/insights/exports/${id}`, {
      headers: { authorization: `Bearer ${user.tokens.accessToken}` },
    });

  it('produces a CSV, tells the user’s socket, publishes insights.export-ready.v1 and serves the file', async () => {
    const answer = await requestExport({ report: 'channel-daily', format: 'csv' });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({
      status: 'pending',
      format: 'csv',
      downloadPath: `/v1/insights/exports/${answer.body.id}`,
    });
    expect(await exportReady(answer.body.id, 15_000)).toMatchObject({
      id: answer.body.id,
      format: 'csv',
      downloadPath: `/v1/insights/exports/${answer.body.id}`,
    });

    const file = await download(answer.body.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(file.headers.get('content-disposition')).toMatch(/attachment; filename="channel-daily-/);
    const lines = (await file.text()).trim().split('\n');
    expect(lines[0]).toBe('day,views,watch_time_seconds,completions,new_followers,revenue_cents');
    const d = (n: number) => new Date(today.getTime() - n * DAY).toISOString().slice(0, 10);
    expect(lines.slice(1)).toEqual([`${d(2)},2,0,0,0,0`, `${d(1)},3,0,0,0,0`]);

    await eventually(async () => {
      const [message] = await sql<{ payload: Record<string, unknown> }>(
        harness.app,
        `select payload from platform.outbox where type = 'insights.export-ready.v1'`,
      );
      expect(message.payload).toMatchObject({ exportId: answer.body.id, userId: creator.user.id, format: 'csv' });
    });
    // Engagement turns the event into a notification in the user's list.
    await eventually(async () => {
      const notes = (await harness.app.request('GET', '/v1/notifications', { token: creator.tokens.accessToken })).body
        .items;
      expect(notes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'export.ready',
            subjectId: answer.body.id,
            data: expect.objectContaining({ downloadPath: `/v1/insights/exports/${answer.body.id}` }),
          }),
        ]),
      );
    });
  });

  it('produces a PDF whose first page renders to a non-blank image, with the title and range', async () => {
    const answer = await requestExport({ report: 'channel-daily', format: 'pdf' });
    expect(answer.status).toBe(202);
    await exportReady(answer.body.id, 15_000);
    const file = await download(answer.body.id);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'insights-pdf-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, Buffer.from(await file.arrayBuffer()));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await run('pdftoppm', ['-f', '1', '-l', '1', '-r', '40', '-gray', pdf, join(dir, 'page')]);
    const { stdout: listing } = await run('ls', [dir]);
    const image = listing.split('\n').find((name) => name.startsWith('page') && name.endsWith('.pgm'))!;
    const ratio = inkRatio(readFileSync(join(dir, image)));
    expect(ratio).toBeGreaterThan(0.01); // text, the chart's bars and the table: not a blank page
    const { stdout: text } = await run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    expect(text).toContain('Channel report: daily performance');
    expect(text).toContain(from.slice(0, 10));
    expect(text).toContain('Views per day');
    expect(text).toContain('watch_time_seconds');
  });

  it('streams an export of a huge range page by page (every row, bounded memory)', async () => {
    const { app } = harness;
    // The export folds stale hours first; the fixture's hours are rolled up already (beforeAll), and
    // nothing may rebuild an hour over the rows written by hand below.
    await sql(app, `delete from insights.dirty_hours`);
    // 400 days × 24 hours × 12 videos = 115,200 hourly rows, written straight into the rollups.
    const videos = Array.from({ length: 12 }, () => randomUUID());
    const start = new Date(today.getTime() - 400 * DAY).toISOString();
    for (const video of videos) {
      await sql(app, `insert into insights.videos (video_id, channel_id, creator_id) values (?, ?, ?)`, [
        video,
        channelId,
        creator.user.id,
      ]);
      await sql(
        app,
        `insert into insights.rollups (grain, bucket, scope, scope_id, views, unique_viewers, watch_seconds)
         select 'hour', h, 'video', ?, 1, 1, 10 from generate_series(?::timestamptz, ?::timestamptz - interval '1 hour', interval '1 hour') h`,
        [video, start, today.toISOString()],
      );
    }
    let peak = 0;
    const baseline = process.memoryUsage().heapUsed;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed - baseline)), 20);
    const answer = await requestExport({
      report: 'channel-videos',
      format: 'csv',
      from: start,
      to: today.toISOString(),
    });
    expect(answer.status).toBe(202);
    const done = await exportReady(answer.body.id, 60_000);
    clearInterval(sampler);
    expect(done.id).toBe(answer.body.id);
    const file = await download(answer.body.id);
    const text = await file.text();
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 400 * 24 * 12 + 2); // + the two fixture views of the first video
    expect(lines[0]).toBe('hour,video_id,views,unique_viewers,watch_time_seconds,completions');
    // The whole file held as rows would take far more than this; pages of 1,000 rows keep it flat.
    expect(peak).toBeLessThan(96 * 1024 * 1024);
  }, 120_000);

  it('answers an export request for another creator’s channel with 404', async () => {
    const rival = await registerUser(harness.app);
    await subscribe(harness.app, harness.fake, rival, 'creator-plus');
    const answer = await requestExport({ report: 'channel-daily', format: 'csv' }, rival);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('insights.channel.not-found');
  });

  it('does not serve someone else’s export', async () => {
    const answer = await requestExport({ report: 'channel-daily', format: 'csv' });
    const other = await registerUser(harness.app);
    const file = await download(answer.body.id, other);
    expect(file.status).toBe(404);
    expect(((await file.json()) as { code: string }).code).toBe('insights.export.not-found');
  });

  it('refuses an unknown report or format', async () => {
    const answer = await requestExport({ report: 'everything', format: 'xlsx' });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation.failed');
  });

  it('mails the weekly report to channels that opted in, once per week', async () => {
    const opt = await harness.app.request('PUT', `/v1/insights/channels/${channelId}/weekly-report`, {
      token: creator.tokens.accessToken,
      body: { enabled: true },
    });
    expect(opt.status).toBe(200);
    expect(opt.body).toEqual({ channelId, enabled: true });
    const { WeeklyReports } = await import('../../../libs/insights/src/application/weekly-reports.js');
    const { MikroORM, RequestContext } = await import('@mikro-orm/postgresql');
    const weekly = harness.app.app.get(WeeklyReports);
    const send = () => RequestContext.create(harness.app.app.get(MikroORM).em, () => weekly.sendDue(new Date()));
    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    const reports = () =>
      smtp.received.filter((mail) => mail.raw.includes('Week of') && mail.rcptTo.includes(creator.user.email));
    await eventually(() => expect(reports()).toHaveLength(1));
    expect(reports()[0].raw).toMatch(/views: 5 \(week before: 0\)|views: \d+ \(week before: \d+\)/);
    const [row] = await sql<{ last_sent_week: unknown }>(
      harness.app,
      `select last_sent_week from insights.weekly_reports where channel_id = ?`,
      [channelId],
    );
    expect(row.last_sent_week).not.toBeNull();
  });

  it('waits for hours another runner is still rolling up before it reads them', async () => {
    const em = harness.app.app.get(MikroORM).em;
    const [builder, runner] = [harness.app.app.get(RollupBuilder), harness.app.app.get(RollupRunner)];
    // Another runner (the periodic job) has taken an hour and is still building it, written as its take
    // leaves it. Taking one here races the periodic job and still-settling exports for the hour, and an
    // hour events still arrive in is marked again, taken and finished by settle itself: so an hour long past.
    const hour = new Date('2001-02-03T04:00:00Z');
    await sql(harness.app, `insert into insights.rollup_builds (hour, taken_at) values (?, now())`, [
      hour.toISOString(),
    ]);
    let settled = false;
    const settling = inRequestContext(em, () => runner.settle()).then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false);
    await inRequestContext(em, () => builder.finishBuilds([hour]));
    await settling;
    expect(settled).toBe(true);
  });

  it('includes events stored moments before the export, not yet rolled up by the periodic job', async () => {
    const { app } = harness;
    const now = new Date();
    const fresh = randomUUID();
    await sql(app, `insert into insights.videos (video_id, channel_id, creator_id) values (?, ?, ?)`, [
      fresh,
      channelId,
      creator.user.id,
    ]);
    expect((await track(app, [clientEvent('video_start', now, { sessionId: 'fresh', videoId: fresh })])).status).toBe(
      200,
    );
    await eventually(async () => {
      expect(await sql(app, `select 1 from insights.events where video_id = ?`, [fresh])).toHaveLength(1);
    });
    const answer = await requestExport({ report: 'channel-videos', format: 'csv' });
    expect(answer.status).toBe(202);
    await exportReady(answer.body.id, 30_000);
    const text = await (await download(answer.body.id)).text();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
    expect(text.split('\n').filter((line) => line.includes(fresh))).toEqual([
      expect.stringMatching(new RegExp(`^${hour.slice(0, 13)}.*,${fresh},1,1,`)),
    ]);
  });
});
