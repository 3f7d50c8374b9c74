import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '@lib/platform/testing';
import { QueueCatalog } from '../../../libs/platform/src/queues/queue-catalog.js';
import { SessionRetention } from '../../../libs/identity/src/application/retention/session-retention.js';
import { ExportRetention } from '../../../libs/insights/src/application/exports/export-retention.js';
import { InsightsJobs } from '../../../libs/insights/src/interface/jobs/insights-jobs.processor.js';
import { sql } from '../studio/studio-helpers.js';
import { registerUser, startShowrunner, TEST_PASSWORD } from '../../support/showrunner.js';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** Retention jobs: expired login state (identity) and old exports (insights) go; live ones stay. */
describe('retention jobs', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ IDENTITY_SESSION_RETENTION_DAYS: '30', INSIGHTS_EXPORT_RETENTION_DAYS: '7' });
  }, 60_000);
  afterAll(() => app?.close());

  it('are scheduled once, by key, however many workers start', async () => {
    const catalog = app.app.get(QueueCatalog);
    const identity = await catalog.get('identity.maintenance').getRepeatableJobs();
    const insights = await catalog.get('insights.maintenance').getRepeatableJobs();
    expect(identity.map((job) => job.id)).toEqual(['identity-session-retention']);
    expect(insights.map((job) => job.id)).toContain('insights-export-retention');
  });

  it('deletes sessions ended or lapsed beyond the retention and expired refresh tokens, keeps live ones', async () => {
    const person = await registerUser(app);
    const login = () =>
      app.request('POST', '/v1/auth/login', { body: { email: person.user.email, password: TEST_PASSWORD } });
    for (let i = 0; i < 3; i++) expect((await login()).status).toBe(200);
    const ids = (
      await sql<{ id: string }>(app, `select id from identity.sessions where user_id = ? order by created_at`, [
        person.user.id,
      ])
    ).map((row) => row.id);
    expect(ids).toHaveLength(4);
    const [live, endedLongAgo, endedRecently, lapsed] = ids;
    await sql(app, `update identity.sessions set ended_at = ?, end_reason = 'logout' where id = ?`, [
      daysAgo(31),
      endedLongAgo,
    ]);
    await sql(app, `update identity.sessions set ended_at = ?, end_reason = 'logout' where id = ?`, [
      daysAgo(1),
      endedRecently,
    ]);
    // Not refreshed for 30 days (the refresh lifetime) + 31: unusable for 31 days, past the 30 kept.
    await sql(app, `update identity.sessions set last_refreshed_at = ? where id = ?`, [daysAgo(61), lapsed]);
    await sql(
      app,
      `insert into identity.refresh_tokens (token_hash, session_id, expires_at) values (?, ?, ?), (?, ?, ?)`,
      ['expired-long-ago', live, daysAgo(31), 'expired-yesterday', live, daysAgo(1)],
    );

    const removed = await app.app.get(SessionRetention).prune();
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    const left = (
      await sql<{ id: string }>(app, `select id from identity.sessions where user_id = ?`, [person.user.id])
    ).map((row) => row.id);
    expect(left.sort()).toEqual([live, endedRecently].sort());
    const tokens = (
      await sql<{ token_hash: string }>(app, `select token_hash from identity.refresh_tokens where session_id = ?`, [
        live,
      ])
    ).map((row) => row.token_hash);
    expect(tokens).toContain('expired-yesterday');
    expect(tokens).not.toContain('expired-long-ago');
    // The live session still works: its refresh token rotates.
    const refreshed = await app.request('POST', '/v1/auth/refresh', {
      body: { refreshToken: person.tokens.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    // Idempotent: a second run (another worker, a retry) finds nothing more of this person's.
    await app.app.get(SessionRetention).prune();
    expect(await sql(app, `select id from identity.sessions where user_id = ?`, [person.user.id])).toHaveLength(2);
  });

  it('deletes e-mail verification and password reset links expired beyond the retention, used or not', async () => {
    const person = await registerUser(app);
    const link = (purpose: string, expiresAt: Date, usedAt: Date | null) =>
      sql(
        app,
        `insert into identity.account_tokens (id, user_id, purpose, email, expires_at, used_at) values (?, ?, ?, ?, ?, ?)`,
        [randomUUID(), person.user.id, purpose, person.user.email, expiresAt, usedAt],
      );
    await link('password-reset', daysAgo(31), null);
    await link('email-verification', daysAgo(40), daysAgo(41));
    await link('password-reset', daysAgo(29), daysAgo(29));
    const removed = await app.app.get(SessionRetention).prune();
    expect(removed.accountTokens).toBeGreaterThanOrEqual(2);
    const left = await sql<{ expires_at: Date }>(
      app,
      `select expires_at from identity.account_tokens where user_id = ? and expires_at < now()`,
      [person.user.id],
    );
    expect(left).toHaveLength(1);
    expect(new Date(left[0].expires_at).getTime()).toBeGreaterThan(daysAgo(30).getTime());
    // Registration's own verification link (not expired) stays.
    expect(
      await sql(app, `select 1 from identity.account_tokens where user_id = ? and expires_at > now()`, [
        person.user.id,
      ]),
    ).not.toHaveLength(0);
  });

  it('deletes recommendation impressions older than the events retention, keeps recent ones and an experiment’s own', async () => {
    const experimentId = randomUUID();
    await sql(
      app,
      `insert into insights.experiments (id, name, surface, status, arms, design, created_by, created_at, stopped_at)
       values (?, 'old test', 'retention-test', 'stopped', '[]', '{}', ?, ?, ?)`,
      [experimentId, randomUUID(), daysAgo(500), daysAgo(450)],
    );
    const video = randomUUID();
    const impression = async (experiment: string | null, shownAt: Date) => {
      const id = randomUUID();
      await sql(
        app,
        `insert into insights.recommendation_impressions (impression_id, experiment_id, arm, surface, subject, video_ids, shown_at, event_id)
         values (?, ?, ?, 'retention-test', 'someone', array[?]::uuid[], ?, ?)`,
        [id, experiment, experiment ? 'a' : null, video, shownAt, randomUUID()],
      );
      await sql(
        app,
        `insert into insights.recommendation_impression_videos (impression_id, video_id, surface, shown_at) values (?, ?, 'retention-test', ?)`,
        [id, video, shownAt],
      );
      await sql(
        app,
        `insert into insights.recommendation_conversions (impression_id, kind, video_id, occurred_at, event_id) values (?, 'click', ?, ?, ?)`,
        [id, video, shownAt, randomUUID()],
      );
      return id;
    };
    const old = await impression(null, daysAgo(401));
    const recent = await impression(null, daysAgo(399));
    const inExperiment = await impression(experimentId, daysAgo(460));
    const result = await app.app.get(InsightsJobs).maintainPartitions();
    expect(result.impressions).toBeGreaterThanOrEqual(1);
    const left = async (table: string) =>
      (
        await sql<{ impression_id: string }>(
          app,
          `select impression_id from insights.${table} where impression_id in (?, ?, ?)`,
          [old, recent, inExperiment],
        )
      )
        .map((row) => row.impression_id)
        .sort();
    expect(await left('recommendation_impressions')).toEqual([recent, inExperiment].sort());
    expect(await left('recommendation_conversions')).toEqual([recent, inExperiment].sort());
    expect(await left('recommendation_impression_videos')).toEqual([recent]);
  });

  it('deletes exports requested beyond the retention (rows and files) and stale scratch files, keeps recent ones', async () => {
    const insert = async (createdAt: Date) => {
      const id = randomUUID();
      await sql(
        app,
        `insert into insights.exports (id, user_id, channel_id, report, format, range_from, range_to, tz, status, created_at, completed_at, bytes)
         values (?, ?, ?, 'channel-daily', 'csv', ?, ?, 'UTC', 'ready', ?, ?, 3)`,
        [id, randomUUID(), randomUUID(), daysAgo(40), daysAgo(39), createdAt, createdAt],
      );
      await sql(app, `insert into insights.export_chunks (export_id, seq, data) values (?, 0, ?)`, [
        id,
        Buffer.from('a,b'),
      ]);
      return id;
    };
    const old = await insert(daysAgo(8));
    const recent = await insert(daysAgo(6));
    const dir = app.config.insights.exportDir;
    mkdirSync(dir, { recursive: true });
    const stale = join(dir, `${randomUUID()}.csv`);
    const rendering = join(dir, `${randomUUID()}.csv`);
    writeFileSync(stale, 'left by a crashed render');
    writeFileSync(rendering, 'being rendered now');
    utimesSync(stale, daysAgo(2), daysAgo(2));

    const removed = await app.app.get(ExportRetention).prune();
    expect(removed).toMatchObject({ exports: 1, scratchFiles: 1 });
    const rows = await sql<{ id: string }>(app, `select id from insights.exports where id in (?, ?)`, [old, recent]);
    expect(rows.map((row) => row.id)).toEqual([recent]);
    const chunks = await sql<{ export_id: string }>(
      app,
      `select export_id from insights.export_chunks where export_id in (?, ?)`,
      [old, recent],
    );
    expect(chunks.map((row) => row.export_id)).toEqual([recent]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(rendering)).toBe(true);
    expect(await app.app.get(ExportRetention).prune()).toEqual({ exports: 0, scratchFiles: 0 });
  });
});
