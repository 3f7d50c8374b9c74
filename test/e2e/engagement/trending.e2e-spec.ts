import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { RecomputeTrending } from '@lib/engagement';
import { QueueCatalog } from '@lib/platform';
import { eventsConsumed, type TestApp } from '@lib/platform/testing';
import { auth, people, sql } from '../../support/interactions.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/**
 * Trending end to end: real likes, follows and comments become trust-weighted signals, the recompute
 * fills the read model, the lists are served over HTTP, and score changes leave through the outbox.
 * Each test ranks its own videos under a language tag of its own, so tests do not see each other's.
 */
describe('engagement: trending', () => {
  let app: TestApp;
  /** Established accounts (trust level 2, pinned by a moderator). */
  let established: RegisteredUser[];
  /** Accounts registered just now (trust level 0). */
  let fresh: RegisteredUser[];
  let mod: RegisteredUser;
  const N = 8;

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    mod = await moderator(app, await logInAdmin(app));
    established = await people(app, N);
    fresh = await people(app, N);
    // Established members: a moderator pins them at level 2 (a score needs history a test cannot age into).
    for (const member of established) {
      const pinned = await app.request('PUT', `/v1/admin/moderation/accounts/${member.user.id}/trust`, {
        ...auth(mod),
        body: { level: 2, reason: 'established member' },
      });
      expect(pinned.status).toBe(200);
    }
  }, 120_000);
  afterAll(() => app.close());

  const aLanguage = () => `en-${randomBytes(3).toString('hex')}`;
  const aCategory = () => `cat-${randomBytes(3).toString('hex')}`;

  async function studioFact(type: string, aggregateId: string, version: number, payload: Record<string, unknown>) {
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, ?, now())`,
      [randomUUID(), type, JSON.stringify(payload), aggregateId, version],
    );
  }

  /** A video studio published (with language and category), once engagement has heard of it. */
  async function video(options: { language?: string; category?: string; creatorId?: string } = {}) {
    const v = { videoId: randomUUID(), channelId: randomUUID(), creatorId: options.creatorId ?? randomUUID() };
    await studioFact('studio.video-published.v1', v.videoId, 1, {
      ...v,
      title: `Episode ${v.videoId.slice(0, 4)}`,
      accessLevel: 'free',
      earlyAccessDays: null,
      seriesId: null,
      durationSeconds: 600,
      language: options.language ?? null,
      category: options.category ?? null,
      publishedAt: new Date().toISOString(),
    });
    for (const consumer of ['engagement.remember-video', 'engagement.track-trend-eligibility'])
      await eventsConsumed(app, consumer, { type: 'studio.video-published.v1', payload: { videoId: v.videoId } });
    return v;
  }

  /** Each fan likes the video over REST; resolves once trending recorded every like. */
  async function likedBy(videoId: string, fans: RegisteredUser[]) {
    for (const fan of fans)
      expect((await app.request('PUT', `/v1/videos/${videoId}/like`, auth(fan))).status).toBe(200);
    await eventsConsumed(
      app,
      'engagement.record-trend-signals',
      { type: 'engagement.video-liked.v1', payload: { videoId }, atLeast: fans.length },
      { timeoutMs: 30_000 },
    );
  }

  /** The signals on a video happened `hours` ago (the clock cannot be moved, so history is). */
  const happenedHoursAgo = (videoId: string, hours: number) =>
    sql(
      app,
      `update engagement.trend_signals set occurred_at = now() - make_interval(secs => ? * 3600) where video_id = ?`,
      [hours, videoId],
    );

  const recompute = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(RecomputeTrending).run());

  async function trending(kind: 'videos' | 'creators' | 'hashtags', query: Record<string, string | number> = {}) {
    const search = new URLSearchParams(
      Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
    );
    const answer = await app.request('GET', `/v1/trending/${kind}?${search.toString()}`);
    expect(answer.status).toBe(200);
    return answer.body as { items: Array<Record<string, any>>; nextCursor?: string; computedAt: string | null };
  }
  const videoIds = async (query: Record<string, string | number>) =>
    (await trending('videos', query)).items.map((item) => item.videoId as string);

  it('orders videos by decayed score, per window: old interest fades from 24 h but stays in 7 days', async () => {
    const language = aLanguage();
    const [now4, recent6, old10] = [await video({ language }), await video({ language }), await video({ language })];
    await likedBy(now4.videoId, established.slice(0, 4));
    await likedBy(recent6.videoId, established.slice(0, 6));
    await likedBy(old10.videoId, established.slice(0, N));
    await happenedHoursAgo(recent6.videoId, 2); // 6 × 2^(-2/6) ≈ 4.8 beats 4 fresh likes
    await happenedHoursAgo(old10.videoId, 12); // 8 × 2^(-12/6) = 2: below the threshold in 24 h
    await recompute();

    const day = await trending('videos', { language });
    expect(day.items.map((item) => item.videoId)).toEqual([recent6.videoId, now4.videoId]);
    expect(day.items[0].score).toBeGreaterThan(day.items[1].score);
    expect(day.items[0]).toMatchObject({
      rank: 1,
      channelId: recent6.channelId,
      creatorId: recent6.creatorId,
      language,
    });
    expect(day.computedAt).not.toBeNull();
    // Over 7 days (48 h half-life) the twelve-hour-old likes still count the most.
    expect(await videoIds({ language, window: '7d' })).toEqual([old10.videoId, recent6.videoId, now4.videoId]);

    // Thirty hours ago: out of the 24 h window, still in the 7 day list.
    await happenedHoursAgo(recent6.videoId, 30);
    await recompute();
    expect(await videoIds({ language })).toEqual([now4.videoId]);
    expect(await videoIds({ language, window: '7d' })).toContain(recent6.videoId);
  }, 120_000);

  it('filters by language and category, and pages with a cursor', async () => {
    const [en, fr, category] = [aLanguage(), aLanguage(), aCategory()];
    const enMusic = await video({ language: en, category });
    const frMusic = await video({ language: fr, category });
    const enOther = await video({ language: en });
    for (const v of [enMusic, frMusic, enOther]) await likedBy(v.videoId, established.slice(0, 4));
    await recompute();

    expect((await videoIds({ language: en })).sort()).toEqual([enMusic.videoId, enOther.videoId].sort());
    expect(await videoIds({ language: fr })).toEqual([frMusic.videoId]);
    expect((await videoIds({ category })).sort()).toEqual([enMusic.videoId, frMusic.videoId].sort());
    expect(await videoIds({ language: en, category })).toEqual([enMusic.videoId]);
    expect(await videoIds({ language: aLanguage() })).toEqual([]);

    const first = await trending('videos', { language: en, limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await trending('videos', { language: en, limit: 1, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(1);
    expect(second.items[0].rank).toBe(2);
    expect(second.nextCursor).toBeUndefined();
    expect([first.items[0].videoId, second.items[0].videoId].sort()).toEqual([enMusic.videoId, enOther.videoId].sort());
  }, 120_000);

  it('leaves out unpublished, moderated and suspended creators’ videos, and tells the catalog which scores changed', async () => {
    const language = aLanguage();
    const [creatorToSuspend, reporter] = await people(app, 2);
    const [kept, unpublished, hidden, suspended] = [
      await video({ language }),
      await video({ language }),
      await video({ language }),
      await video({ language, creatorId: creatorToSuspend.user.id }),
    ];
    for (const v of [kept, unpublished, hidden, suspended]) await likedBy(v.videoId, established.slice(0, 4));
    await recompute();
    expect((await videoIds({ language })).sort()).toEqual(
      [kept.videoId, unpublished.videoId, hidden.videoId, suspended.videoId].sort(),
    );
    const told = await scoresTold(hidden.videoId);
    expect(told.at(-1)).toBeGreaterThan(0);

    await studioFact('studio.video-unpublished.v1', unpublished.videoId, 2, {
      videoId: unpublished.videoId,
      channelId: unpublished.channelId,
      unpublishedAt: new Date().toISOString(),
    });
    await studioFact('trust-safety.content-actioned.v1', randomUUID(), 1, {
      decisionId: randomUUID(),
      contentType: 'video',
      contentId: hidden.videoId,
      action: 'hide',
      rule: null,
      reason: 'graphic content',
      decidedAt: new Date().toISOString(),
    });
    const consumer = 'engagement.track-trend-eligibility';
    await eventsConsumed(app, consumer, {
      type: 'studio.video-unpublished.v1',
      payload: { videoId: unpublished.videoId },
    });
    await eventsConsumed(app, consumer, {
      type: 'trust-safety.content-actioned.v1',
      payload: { contentId: hidden.videoId },
    });

    // Taken off the lists at once (cached pages dropped), before the next recompute…
    expect((await videoIds({ language })).sort()).toEqual([kept.videoId, suspended.videoId].sort());

    // A moderator suspends the creator through trust & safety's queue.
    expect((await report(app, reporter, { type: 'user', id: creatorToSuspend.user.id })).status).toBe(200);
    const queue = await app.request('GET', `/v1/admin/moderation/queue?limit=100`, auth(mod));
    const item = (queue.body.items as any[]).find((entry) => entry.target.id === creatorToSuspend.user.id);
    const decided = await app.request('POST', `/v1/admin/moderation/queue/${item.id}/actions`, {
      ...auth(mod),
      body: { action: 'suspend', reason: 'Spam ring' },
    });
    expect(decided.status).toBe(200);

    // …and the recompute drops the suspended creator's video too, and tells the catalog they are at 0 now, and says nothing of the unchanged one.
    const keptBefore = (await scoresTold(kept.videoId)).length;
    await recompute();
    expect(await videoIds({ language })).toEqual([kept.videoId]);
    for (const gone of [unpublished, hidden, suspended]) expect((await scoresTold(gone.videoId)).at(-1)).toBe(0);
    expect(await scoresTold(kept.videoId)).toHaveLength(keptBefore);
  }, 120_000);

  it('keeps a brigade of fresh accounts out of trending while as many established accounts get in', async () => {
    const language = aLanguage();
    const organic = await video({ language });
    const brigaded = await video({ language });
    await likedBy(organic.videoId, established);
    await likedBy(brigaded.videoId, fresh);
    await recompute();

    expect(await videoIds({ language })).toEqual([organic.videoId]);
    expect(await videoIds({ language, window: '7d' })).toEqual([organic.videoId]);

    // The same fresh accounts spread over hours are no brigade and do trend: the damping, not the
    // low trust alone, is what kept the burst out.
    await sql(
      app,
      `update engagement.trend_signals s set occurred_at = now() - make_interval(mins => (20 * o.n)::int)
         from (select id, row_number() over (order by actor_id) - 1 as n
                 from engagement.trend_signals where video_id = ?) o
        where s.id = o.id`,
      [brigaded.videoId],
    );
    await recompute();
    expect(await videoIds({ language })).toEqual(expect.arrayContaining([organic.videoId, brigaded.videoId]));
  }, 120_000);

  it('ranks creators by their videos’ interactions and new followers, and hashtags by comments', async () => {
    const language = aLanguage();
    const [creator, other] = await people(app, 2);
    const v = await video({ language, creatorId: creator.user.id });
    await eventsConsumed(app, 'engagement.track-commentable-videos', {
      type: 'studio.video-published.v1',
      payload: { videoId: v.videoId },
    });
    await video({ language, creatorId: other.user.id });
    for (const fan of established.slice(0, 3))
      expect((await app.request('POST', `/v1/creators/${creator.user.id}/follow`, auth(fan))).status).toBe(200);
    await eventsConsumed(app, 'engagement.record-trend-signals', {
      type: 'engagement.user-followed.v1',
      payload: { followeeId: creator.user.id },
      atLeast: 3,
    });
    const tag = `trend${randomBytes(3).toString('hex')}`;
    for (const fan of established.slice(0, 3)) {
      const answer = await app.request('POST', `/v1/videos/${v.videoId}/comments`, {
        ...auth(fan),
        body: { text: `Loved this #${tag}` },
      });
      expect(answer.status).toBe(201);
    }
    await eventsConsumed(app, 'engagement.record-trend-signals', {
      type: 'engagement.comment-posted.v1',
      payload: { videoId: v.videoId },
      atLeast: 3,
    });
    await recompute();

    // Follows carry no language: the creator is ranked in the every-language list, with their videos' comments.
    const creators = (await trending('creators', { limit: 100 })).items;
    expect(creators).toEqual(
      expect.arrayContaining([expect.objectContaining({ creatorId: creator.user.id, handle: creator.user.handle })]),
    );
    expect(creators.map((item) => item.creatorId)).not.toContain(other.user.id);
    const tags = (await trending('hashtags', { language })).items;
    expect(tags).toEqual([expect.objectContaining({ rank: 1, tag })]);
  }, 120_000);

  it('takes an unliked like back, and counts one account’s burst of comments once', async () => {
    const language = aLanguage();
    const unliked = await video({ language });
    const chatty = await video({ language });
    await likedBy(unliked.videoId, established.slice(0, 4));
    await recompute();
    expect(await videoIds({ language })).toEqual([unliked.videoId]);

    for (const fan of established.slice(0, 2))
      expect((await app.request('DELETE', `/v1/videos/${unliked.videoId}/like`, auth(fan))).status).toBe(200);
    await eventsConsumed(app, 'engagement.record-trend-signals', {
      type: 'engagement.video-unliked.v1',
      payload: { videoId: unliked.videoId },
      atLeast: 2,
    });
    await eventsConsumed(app, 'engagement.track-commentable-videos', {
      type: 'studio.video-published.v1',
      payload: { videoId: chatty.videoId },
    });
    for (let i = 0; i < 5; i += 1) {
      const answer = await app.request('POST', `/v1/videos/${chatty.videoId}/comments`, {
        ...auth(established[2]),
        body: { text: `again and again ${i}` },
      });
      expect(answer.status).toBe(201);
    }
    await eventsConsumed(app, 'engagement.record-trend-signals', {
      type: 'engagement.comment-posted.v1',
      payload: { videoId: chatty.videoId },
      atLeast: 5,
    });
    await recompute();
    // Two likes left (2 < 3), and five comments by one account weigh as one (1.5 < 3).
    expect(await videoIds({ language })).toEqual([]);
  }, 120_000);

  it('recomputes on a schedule in the worker, and a job run fills the lists like a direct run', async () => {
    const queue = app.app.get(QueueCatalog).get('engagement.trending-recompute');
    expect(await queue.getRepeatableJobs()).toEqual([
      expect.objectContaining({ id: 'engagement-trending-recompute', every: 300_000 }),
    ]);
    const language = aLanguage();
    const v = await video({ language });
    await likedBy(v.videoId, established.slice(0, 4));
    const job = await queue.add({});
    await expect(job.finished()).resolves.toMatchObject({ rows: expect.any(Number) });
    expect(await videoIds({ language })).toEqual([v.videoId]);
  }, 120_000);

  it('refuses bad query parameters with a stable code', async () => {
    for (const query of [
      'window=1h',
      'window=',
      'limit=0',
      'limit=101',
      'limit=ten',
      'language=EN!',
      'category=Music%20Videos',
      'unknown=1',
    ]) {
      const answer = await app.request('GET', `/v1/trending/videos?${query}`);
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({
        query,
        status: 400,
        code: 'validation.failed',
      });
    }
    for (const cursor of [
      'not-a-cursor',
      Buffer.from('["x"]').toString('base64url'),
      Buffer.from('[0]').toString('base64url'),
    ]) {
      const answer = await app.request('GET', `/v1/trending/hashtags?cursor=${cursor}`);
      expect({ cursor, status: answer.status, code: answer.body.code }).toEqual({
        cursor,
        status: 400,
        code: 'http.cursor-invalid',
      });
    }
  });

  /** The scores the catalog was told for one video, oldest first. */
  async function scoresTold(videoId: string): Promise<number[]> {
    const rows = await sql<{ score: number }>(
      app,
      `select (s->>'score')::float8 as score
         from platform.outbox o, jsonb_array_elements(o.payload->'scores') s
        where o.type = 'engagement.video-trend-scores-changed.v1' and s->>'videoId' = ?
        order by o.occurred_at, o.id`,
      [videoId],
    );
    return rows.map((row) => Number(row.score));
  }
});
