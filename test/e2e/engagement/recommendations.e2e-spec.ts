import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { RefreshNeighbours } from '@lib/engagement';
import { RedisConnections } from '@lib/platform';
import { eventsConsumed, eventually, type TestApp } from '@lib/platform/testing';
import { clientEvent, track } from '../../support/insights.js';
import { auth, people, sql, withScheduleHeld } from '../../support/interactions.js';
import { ADMIN, logInAdmin } from '../../support/moderation.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';
import { RECS_NEIGHBOURS_QUEUE } from '../../../libs/engagement/src/application/recommendations/refresh-neighbours/neighbours-queue.js';

interface Item {
  videoId: string;
  creatorId: string;
  category: string | null;
  reason: string;
  basedOn: string | null;
  upgradeRequired: boolean;
  title: string;
  tags: string[];
}
interface List {
  impressionId: string;
  strategy: string;
  experiment: { id: string; arm: string } | null;
  items: Item[];
}
interface Video {
  videoId: string;
  channelId: string;
  creatorId: string;
  category: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Recommendations served end to end: real likes, completions and blocks become signals through the
 * outbox, the neighbour job folds them in, the routes rank with the models and cache per person.
 * Assertions hold for any ranking model (the placeholder's popularity order or the hybrid one).
 */
describe('engagement: recommendations', () => {
  let app: TestApp;
  let creators: RegisteredUser[];
  let audience: RegisteredUser[];
  let fan: RegisteredUser;
  const cooking: Video[] = [];
  const music: Video[] = [];
  const gardening: Video[] = [];
  let premium: Video;

  async function publish(creator: RegisteredUser, category: string, options: { accessLevel?: string } = {}) {
    const video = { videoId: randomUUID(), channelId: randomUUID(), creatorId: creator.user.id, category };
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
      [
        randomUUID(),
        'studio.video-published.v1',
        JSON.stringify({
          ...video,
          title: `${category} ${video.videoId.slice(0, 4)}`,
          accessLevel: options.accessLevel ?? 'free',
          earlyAccessDays: null,
          seriesId: null,
          durationSeconds: 600,
          language: 'en',
          tags: [category, 'weekly'],
          description: `A ${category} episode`,
          publishedAt: new Date().toISOString(),
        }),
        video.videoId,
      ],
    );
    for (const consumer of ['engagement.remember-video', 'engagement.track-trend-eligibility'])
      await eventsConsumed(app, consumer, { type: 'studio.video-published.v1', payload: { videoId: video.videoId } });
    return video;
  }

  /** Each person likes each video over REST; resolves once the signals are recorded. */
  async function like(persons: RegisteredUser[], videos: Video[]) {
    for (const person of persons)
      for (const video of videos)
        expect((await app.request('PUT', `/v1/videos/${video.videoId}/like`, auth(person))).status).toBe(200);
    for (const video of videos)
      await eventsConsumed(
        app,
        'engagement.record-recommendation-signals',
        { type: 'engagement.video-liked.v1', payload: { videoId: video.videoId }, atLeast: persons.length },
        { timeoutMs: 30_000 },
      );
  }

  const refresh = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(RefreshNeighbours).run());
  /** Runs the job until every positive signal is folded in (a transaction still open elsewhere makes a run wait for it). */
  const settled = () =>
    eventually(
      async () => {
        await refresh();
        const pending = await sql(
          app,
          `select 1 from engagement.rec_signals s where s.kind not in ('watch_time', 'skip', 'dislike') and not exists (
             select 1 from engagement.rec_cowatch_members m where m.person_id = s.person_id and m.video_id = s.video_id)`,
        );
        expect(pending).toHaveLength(0);
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );

  async function recommendations(person?: RegisteredUser, query = 'count=10'): Promise<List> {
    const answer = await app.request('GET', `/v1/recommendations?${query}`, person ? auth(person) : {});
    expect(answer.status).toBe(200);
    return answer.body as List;
  }

  const cached = async (person: RegisteredUser) => {
    const redis = app.app.get(RedisConnections);
    return (await redis.commands().exists(redis.key('recs', person.user.id))) === 1;
  };

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    creators = await people(app, 6);
    audience = await people(app, 4);
    [fan] = await people(app, 1);
    const [c1, c2, c3, m1, g1, g2] = creators;
    // Three cooking creators with two videos each; music and gardening besides.
    for (const creator of [c1, c2, c3])
      cooking.push(await publish(creator, 'cooking'), await publish(creator, 'cooking'));
    music.push(await publish(m1, 'music'), await publish(m1, 'music'));
    premium = await publish(c1, 'cooking', { accessLevel: 'ad_free' });
    // Gardening last: newest, so popularity ties put it first once anyone likes it.
    gardening.push(await publish(g1, 'gardening'), await publish(g2, 'gardening'), await publish(g2, 'gardening'));
    // The audience loves cooking (and some music); the fan liked two cooking videos of different creators.
    await like(audience, cooking);
    await like(audience.slice(0, 1), music);
    await like([fan], [cooking[0], cooking[2]]);
    await settled();
  }, 180_000);
  afterAll(() => app.close());

  it('keeps co-watch neighbours from shared audiences and content neighbours of every published video', async () => {
    const listsOf = async (videoId: string) => {
      const rows = await sql<{ kind: string; neighbours: Array<{ videoId: string; similarity: number }> }>(
        app,
        `select kind, neighbours from engagement.rec_neighbours where video_id = ?`,
        [videoId],
      );
      return Object.fromEntries(rows.map((row) => [row.kind, row.neighbours]));
    };
    const cookingLists = await listsOf(cooking[1].videoId);
    // The audience liked every cooking video: each is the others' co-watch neighbour.
    const others = cooking.filter((video) => video !== cooking[1]).map((video) => video.videoId);
    expect(cookingLists.co_watch.map((neighbour) => neighbour.videoId)).toEqual(expect.arrayContaining(others));
    expect(cookingLists.co_watch.every((neighbour) => neighbour.similarity > 0)).toBe(true);
    // Nobody watched gardening with anything: no co-watch list, but a content one.
    const gardeningLists = await listsOf(gardening[0].videoId);
    expect(gardeningLists.co_watch).toBeUndefined();
    expect(gardeningLists.content).toEqual(expect.any(Array));
  }, 30_000);

  it('gives a cooking fan cooking-heavy but diverse recommendations, cached until their next interaction', async () => {
    const first = await recommendations(fan);
    expect(first.impressionId).toMatch(UUID);
    expect(first.experiment).toBeNull();
    expect(first.strategy).toBe('hybrid');
    expect(first.items.length).toBeGreaterThanOrEqual(5);
    const categories = first.items.map((item) => item.category);
    expect(categories.filter((category) => category === 'cooking').length).toBeGreaterThan(first.items.length / 2);
    // Diverse: several creators, none filling the list.
    const byCreator = new Map<string, number>();
    for (const item of first.items) byCreator.set(item.creatorId, (byCreator.get(item.creatorId) ?? 0) + 1);
    expect(byCreator.size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...byCreator.values())).toBeLessThanOrEqual(Math.ceil(first.items.length / 2));
    for (const item of first.items) {
      expect(item.reason).toEqual(expect.any(String));
      expect(item).toHaveProperty('basedOn');
      expect(item.title).toMatch(/^(cooking|music|gardening) /);
      // Features came with studio's publication event.
      expect(item.tags).toEqual([item.category, 'weekly']);
    }
    // The premium episode is a teaser for a free plan, never a playable item.
    const teaser = first.items.find((item) => item.videoId === premium.videoId);
    if (teaser) expect(teaser.upgradeRequired).toBe(true);
    expect(first.items.filter((item) => item.videoId !== premium.videoId).every((item) => !item.upgradeRequired)).toBe(
      true,
    );

    // Served from the cache: same list, a new impression id.
    expect(await cached(fan)).toBe(true);
    const again = await recommendations(fan);
    expect(again.items).toEqual(first.items);
    expect(again.impressionId).not.toBe(first.impressionId);

    // Finishing the top video forgets the cache; the next request leaves it out, with no recompute.
    const top = first.items.find((item) => !item.upgradeRequired)!;
    const finished = await app.request('PUT', `/v1/me/progress/${top.videoId}`, {
      ...auth(fan),
      body: { positionSeconds: 590 },
    });
    expect(finished.body).toMatchObject({ completed: true });
    await eventually(async () => expect(await cached(fan)).toBe(false), { timeoutMs: 20_000 });
    const afterFinishing = await recommendations(fan);
    expect(afterFinishing.items.map((item) => item.videoId)).not.toContain(top.videoId);

    // Liking something new (gardening) changes what comes next: gardening moves up the list.
    const bestGardening = (list: List) => {
      const position = list.items.findIndex((item) => item.category === 'gardening');
      return position === -1 ? list.items.length : position;
    };
    const before = bestGardening(afterFinishing);
    await like([fan], [gardening[2]]);
    await eventually(async () => expect(await cached(fan)).toBe(false), { timeoutMs: 20_000 });
    await settled();
    const afterLiking = await recommendations(fan);
    expect(afterLiking.items).not.toEqual(afterFinishing.items);
    expect(bestGardening(afterLiking)).toBeLessThan(before);
  }, 120_000);

  it('recommends popular videos to someone with no history (cold start)', async () => {
    const [newcomer] = await people(app, 1);
    const list = await recommendations(newcomer, 'count=5');
    expect(list.items).toHaveLength(5);
    expect(list.experiment).toBeNull();
    expect(new Set(list.items.map((item) => item.videoId)).size).toBe(5);
    // Nothing to be based on yet.
    expect(list.items.every((item) => item.basedOn === null)).toBe(true);
    // Popular among the audience: cooking first.
    expect(list.items[0].category).toBe('cooking');
  }, 60_000);

  it('serves trending and new videos to logged-out visitors, paid ones as upgrade teasers', async () => {
    const list = await recommendations(undefined, 'count=50');
    expect(list.impressionId).toMatch(UUID);
    expect(list.experiment).toBeNull();
    expect(list.items.length).toBeGreaterThanOrEqual(10);
    expect(list.items.every((item) => ['trending', 'new'].includes(item.reason))).toBe(true);
    expect(list.items.find((item) => item.videoId === premium.videoId)).toMatchObject({ upgradeRequired: true });
    expect(list.items.filter((item) => item.videoId !== premium.videoId).every((item) => !item.upgradeRequired)).toBe(
      true,
    );
    // Filters narrow the list.
    const onlyMusic = await recommendations(undefined, 'count=10&category=music');
    expect(onlyMusic.items.map((item) => item.videoId).sort()).toEqual(music.map((video) => video.videoId).sort());
    const onlyCreator = await recommendations(undefined, `count=10&creator=${creators[1].user.id}`);
    expect(onlyCreator.items.map((item) => item.creatorId)).toEqual([creators[1].user.id, creators[1].user.id]);
  }, 60_000);

  it('answers "more like this" for a video nobody has interacted with', async () => {
    const fresh = await publish(creators[2], 'cooking');
    await settled();
    const answer = await app.request('GET', `/v1/catalog/videos/${fresh.videoId}/similar?count=5`);
    expect(answer.status).toBe(200);
    const list = answer.body as List;
    expect(list.impressionId).toMatch(UUID);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.map((item) => item.videoId)).not.toContain(fresh.videoId);
    expect(list.items.filter((item) => item.category === 'cooking').length).toBeGreaterThan(list.items.length / 2);

    // Signed in, the viewer's finished videos stay out.
    const signedIn = await app.request('GET', `/v1/catalog/videos/${cooking[1].videoId}/similar?count=20`, auth(fan));
    expect(signedIn.status).toBe(200);
    const finished = await sql<{ video_id: string }>(
      app,
      `select video_id from engagement.rec_signals where person_id = ? and kind = 'completion'`,
      [fan.user.id],
    );
    expect(finished.length).toBe(1);
    expect((signedIn.body as List).items.map((item) => item.videoId)).not.toContain(finished[0].video_id);
  }, 60_000);

  it('refuses counts of 0 or above 50 and unknown video ids', async () => {
    for (const path of ['/v1/recommendations', `/v1/catalog/videos/${cooking[0].videoId}/similar`])
      for (const count of ['0', '51', '-1', 'ten']) {
        const answer = await app.request('GET', `${path}?count=${count}`, auth(fan));
        expect(answer.status).toBe(400);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(answer.body).toMatchObject({ code: 'validation.failed' });
      }
    const unknown = await app.request('GET', `/v1/catalog/videos/${randomUUID()}/similar`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'engagement.video.not-found' });
    // An unpublished video is unknown too, and leaves every list.
    const gone = await publish(creators[4], 'gardening');
    expect((await app.request('GET', `/v1/catalog/videos/${gone.videoId}/similar`)).status).toBe(200);
    const gardeningIds = async () =>
      (await recommendations(undefined, 'count=50&category=gardening')).items.map((item) => item.videoId);
    expect(await gardeningIds()).toContain(gone.videoId);
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 2, now())`,
      [
        randomUUID(),
        'studio.video-unpublished.v1',
        JSON.stringify({ videoId: gone.videoId, channelId: gone.channelId, unpublishedAt: new Date().toISOString() }),
        gone.videoId,
      ],
    );
    await eventsConsumed(app, 'engagement.track-trend-eligibility', {
      type: 'studio.video-unpublished.v1',
      payload: { videoId: gone.videoId },
    });
    const unpublished = await app.request('GET', `/v1/catalog/videos/${gone.videoId}/similar`);
    expect([unpublished.status, unpublished.body.code]).toEqual([404, 'engagement.video.not-found']);
    // The logged-out list was cached; the unpublication forgets it.
    await eventually(async () => expect(await gardeningIds()).not.toContain(gone.videoId), { timeoutMs: 10_000 });
    expect((await app.request('GET', `/v1/catalog/videos/not-a-uuid/similar`)).status).toBe(400);
    const badCreator = await app.request('GET', `/v1/recommendations?creator=nope`);
    expect(badCreator.status).toBe(400);
  }, 60_000);

  it('leaves out creators a person blocked, and only for that person', async () => {
    const [blocker, other] = await people(app, 2);
    const blocked = creators[0].user.id;
    const creatorsIn = async (person: RegisteredUser) =>
      (await recommendations(person, 'count=50')).items.map((item) => item.creatorId);
    expect(await creatorsIn(blocker)).toContain(blocked);
    expect((await app.request('POST', `/v1/users/${blocked}/block`, auth(blocker))).status).toBeLessThan(300);
    // The block forgets the blocker's cached list at once.
    expect(await creatorsIn(blocker)).not.toContain(blocked);
    expect(await creatorsIn(other)).toContain(blocked);
    // "More like this" honours it too.
    const similar = await app.request(
      'GET',
      `/v1/catalog/videos/${cooking[2].videoId}/similar?count=50`,
      auth(blocker),
    );
    expect((similar.body as List).items.map((item) => item.creatorId)).not.toContain(blocked);
  }, 60_000);

  it('takes a save to a playlist as a signal at once, and takes it back when removed', async () => {
    const [saver] = await people(app, 1);
    const video = gardening[0];
    const saves = () =>
      sql(app, `select 1 from engagement.rec_signals where person_id = ? and video_id = ? and kind = 'save'`, [
        saver.user.id,
        video.videoId,
      ]);
    await recommendations(saver);
    expect(await cached(saver)).toBe(true);
    const saved = await app.request('PUT', `/v1/playlists/watch-later/items/${video.videoId}`, auth(saver));
    expect(saved.status).toBe(200);
    expect(await saves()).toHaveLength(1);
    expect(await cached(saver)).toBe(false);
    const removed = await app.request('DELETE', `/v1/playlists/watch-later/items/${video.videoId}`, auth(saver));
    expect(removed.status).toBe(200);
    expect(await saves()).toHaveLength(0);
  }, 30_000);

  it('drops a video the viewer is not interested in from their next list, weighs a skip against it, and can be undone', async () => {
    const [viewer, bystander] = await people(app, 2);
    const ids = async (person: RegisteredUser, path = '/v1/recommendations?count=50') =>
      ((await app.request('GET', path, auth(person))).body as List).items.map((item) => item.videoId);
    const feedback = (kind: string | null, videoId: string, person = viewer) =>
      kind === null
        ? app.request('DELETE', `/v1/recommendations/feedback/${videoId}`, auth(person))
        : app.request('PUT', `/v1/recommendations/feedback/${videoId}`, { ...auth(person), body: { kind } });
    const stored = () =>
      sql<{ video_id: string; kind: string }>(
        app,
        `select video_id, kind from engagement.rec_signals where person_id = ? order by kind`,
        [viewer.user.id],
      );
    const [unwanted, passedOver] = await ids(viewer);
    expect(await cached(viewer)).toBe(true);

    const said = await feedback('not_interested', unwanted);
    expect(said.status).toBe(204);
    // Forgotten from the cache after the commit, so the very next list leaves it out, here and in "more like this".
    expect(await cached(viewer)).toBe(false);
    expect(await ids(viewer)).not.toContain(unwanted);
    expect(await ids(viewer, `/v1/catalog/videos/${cooking[3].videoId}/similar?count=50`)).not.toContain(unwanted);
    expect(await ids(bystander)).toContain(unwanted);
    // Saying it again refreshes the one signal, it does not stack.
    expect((await feedback('not_interested', unwanted)).status).toBe(204);
    expect((await feedback('skipped', passedOver)).status).toBe(204);
    expect((await feedback('skipped', passedOver)).status).toBe(204);
    expect(await stored()).toEqual(
      [
        { video_id: unwanted, kind: 'dislike' },
        { video_id: passedOver, kind: 'skip' },
      ].sort((a, b) => a.kind.localeCompare(b.kind)),
    );
    // A teaser the plan cannot play takes feedback too.
    expect((await feedback('not_interested', premium.videoId)).status).toBe(204);

    // Undo: the video may come back.
    expect((await feedback(null, unwanted)).status).toBe(204);
    expect((await feedback(null, unwanted)).status).toBe(204);
    expect(await ids(viewer)).toContain(unwanted);
    expect((await stored()).map((row) => row.video_id)).not.toContain(unwanted);

    // Bad input loses nothing: unknown kind or field, unknown or malformed video, no token.
    const before = await stored();
    for (const [answer, status, code] of [
      [await feedback('meh', passedOver), 400, 'validation.failed'],
      [
        await app.request('PUT', `/v1/recommendations/feedback/${passedOver}`, {
          ...auth(viewer),
          body: { kind: 'skipped', weight: 9 },
        }),
        400,
        'validation.failed',
      ],
      [await feedback('skipped', randomUUID()), 404, 'engagement.video.not-found'],
      [await feedback('skipped', 'not-a-uuid'), 400, 'http.bad-request'],
      [
        await app.request('PUT', `/v1/recommendations/feedback/${passedOver}`, { body: { kind: 'skipped' } }),
        401,
        undefined,
      ],
    ] as const) {
      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      if (code) expect(answer.body).toMatchObject({ code });
    }
    expect(await stored()).toEqual(before);
  }, 60_000);

  it('takes a video left within seconds for another as skipped, but not one watched a while, liked, or left long ago', async () => {
    const [viewer] = await people(app, 1);
    const start = Date.now() - 3_600_000;
    /** Player progress as engagement publishes it, processed in order. */
    const progress = async (video: Video, watchedSeconds: number, minutes: number) => {
      const eventId = randomUUID();
      await sql(
        app,
        `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
        [
          eventId,
          'engagement.watch-progressed.v1',
          JSON.stringify({
            videoId: video.videoId,
            channelId: video.channelId,
            creatorId: video.creatorId,
            userId: viewer.user.id,
            positionSeconds: watchedSeconds,
            watchedSeconds,
            reportedAt: new Date(start + minutes * 60_000).toISOString(),
          }),
          randomUUID(),
        ],
      );
      await eventsConsumed(app, 'engagement.record-recommendation-signals', {
        type: 'engagement.watch-progressed.v1',
        payload: { videoId: video.videoId, userId: viewer.user.id, watchedSeconds },
      });
    };
    const skips = async () =>
      (
        await sql<{ video_id: string }>(
          app,
          `select video_id from engagement.rec_signals where person_id = ? and kind = 'skip'`,
          [viewer.user.id],
        )
      ).map((row) => row.video_id);
    await progress(music[0], 4, 0); // 4 s of a music video…
    await progress(gardening[0], 40, 1); // …then another video: the first was skipped.
    await progress(gardening[1], 5, 2); // 40 s is no skip.
    await progress(gardening[2], 40, 60); // Half an hour later is no skip either.
    expect((await app.request('PUT', `/v1/videos/${cooking[5].videoId}/like`, auth(viewer))).status).toBe(200);
    await eventually(async () =>
      expect(
        await sql(app, `select 1 from engagement.rec_signals where person_id = ? and video_id = ? and kind = 'like'`, [
          viewer.user.id,
          cooking[5].videoId,
        ]),
      ).toHaveLength(1),
    );
    await progress(cooking[5], 2, 61);
    await progress(cooking[4], 2, 62); // A liked video left early is no skip…
    await progress(cooking[3], 2, 63); // …an unliked one is.
    await progress(music[0], 2, 64);
    await progress(cooking[2], 2, 65); // Skipping a video twice counts once.
    expect((await skips()).sort()).toEqual([cooking[4].videoId, music[0].videoId].sort());
    const [signal] = await sql<{ value: number }>(
      app,
      `select count(*)::int as value from engagement.rec_signals where person_id = ? and video_id = ? and kind = 'skip'`,
      [viewer.user.id, music[0].videoId],
    );
    expect(signal.value).toBe(1);
  }, 60_000);

  it('folds a backlog in bounded batches of whole transactions, and loses none', async () => {
    const backlog = await people(app, 3);
    const videos = [music[0], music[1], gardening[0]].map((video) => video.videoId);
    const members = () =>
      sql(
        app,
        `select 1 from engagement.rec_cowatch_members where person_id = any(string_to_array(?, ',')::uuid[])
          and video_id = any(string_to_array(?, ',')::uuid[])`,
        [backlog.map((person) => person.user.id).join(','), videos.join(',')],
      );
    // The scheduled refresh (every minute, batches of thousands) would fold the backlog in one batch
    // if it fired now: it is held before the backlog is written (after any run in progress ends), so
    // the batches counted are these.
    await withScheduleHeld(app, RECS_NEIGHBOURS_QUEUE, async () => {
      // One transaction per person, each with more signals than a batch holds.
      for (const person of backlog)
        await sql(
          app,
          `insert into engagement.rec_signals (person_id, video_id, kind, value, event_id, occurred_at)
           select ?, v, 'like', 1, gen_random_uuid(), now() from unnest(string_to_array(?, ',')::uuid[]) as v`,
          [person.user.id, videos.join(',')],
        );
      // A transaction still open elsewhere holds the job's snapshot back: run until all are in.
      let batches = 0;
      await eventually(
        async () => {
          const result = await RequestContext.create(app.app.get(MikroORM).em, () =>
            app.app.get(RefreshNeighbours).run({ batchSize: 2 }),
          );
          batches += result.batches;
          expect(await members()).toHaveLength(backlog.length * videos.length);
        },
        { timeoutMs: 20_000, intervalMs: 200 },
      );
      // Each person's three signals went whole, in a batch of their own.
      expect(batches).toBeGreaterThanOrEqual(backlog.length);
      // Nothing is left behind the cursor.
      const again = await RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(RefreshNeighbours).run());
      expect(again.more).toBe(false);
    });
  }, 60_000);

  it('counts one account once per co-watch pair, however many ways and times it interacts', async () => {
    const [inflater] = await people(app, 1);
    const [a, b] = music;
    const pairBefore = await pairCount(a.videoId, b.videoId);
    const signalsOf = async (count: number) =>
      eventually(
        async () => {
          const rows = await sql(
            app,
            `select 1 from engagement.rec_signals where person_id = ? and kind <> 'watch_time'`,
            [inflater.user.id],
          );
          expect(rows).toHaveLength(count);
        },
        { timeoutMs: 30_000 },
      );
    for (const video of [a, b]) {
      const as = auth(inflater);
      expect((await app.request('PUT', `/v1/videos/${video.videoId}/like`, as)).status).toBe(200);
      expect(
        (await app.request('PUT', `/v1/videos/${video.videoId}/rating`, { ...as, body: { stars: 5 } })).status,
      ).toBe(200);
      const done = await app.request('PUT', `/v1/me/progress/${video.videoId}`, {
        ...as,
        body: { positionSeconds: 590 },
      });
      expect(done.body).toMatchObject({ completed: true });
    }
    await signalsOf(6);
    await settled();
    // The audience member who liked both counted once; the inflater adds exactly one more.
    expect(await pairCount(a.videoId, b.videoId)).toBe(pairBefore + 1);

    // Unliking and liking again is not a new co-watch.
    expect((await app.request('DELETE', `/v1/videos/${a.videoId}/like`, auth(inflater))).status).toBe(200);
    await signalsOf(5);
    expect((await app.request('PUT', `/v1/videos/${a.videoId}/like`, auth(inflater))).status).toBe(200);
    await signalsOf(6);
    // Until the job has read the new like (its cursor is past the like's transaction).
    await eventually(
      async () => {
        await refresh();
        const read = await sql(
          app,
          `select 1 from engagement.rec_signals s join engagement.rec_job_cursors c on c.name = 'co_watch'
            where s.person_id = ? and s.video_id = ? and s.kind = 'like' and s.tx < c.position`,
          [inflater.user.id, a.videoId],
        );
        expect(read).toHaveLength(1);
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(await pairCount(a.videoId, b.videoId)).toBe(pairBefore + 1);
  }, 90_000);

  // Last: while these run, every home feed and "more like this" list belongs to an experiment.
  it('runs an A/B test between two strategies end to end: each viewer is served their arm, and the analysis names the winner', async () => {
    const adminToken = await logInAdmin(app);
    const admin = (method: 'GET' | 'POST', path: string, body?: unknown) =>
      app.request(method, path, { token: adminToken, body });
    const created = await admin('POST', '/v1/admin/experiments', {
      name: 'home feed: hybrid against popularity',
      surface: 'recommendations.home',
      arms: [
        { key: 'popularity', percent: 50 },
        { key: 'hybrid', percent: 50 },
      ],
      plannedExposuresPerArm: 20,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await admin('POST', `/v1/admin/experiments/${id}/start`)).status).toBe(200);

    // New viewers until both arms reach the planned 20 exposures (the split is a hash, not a quota).
    const served: Record<string, number> = {};
    const viewers: RegisteredUser[] = [];
    const serve = async (viewer: RegisteredUser, index: number) => {
      const list = await recommendations(viewer, 'count=5');
      expect(list.experiment).toEqual({ id, arm: expect.stringMatching(/^(popularity|hybrid)$/) });
      // The arm is the strategy that ranked the list, and it is sticky.
      const arm = list.experiment!.arm;
      expect(list.strategy).toBe(arm);
      expect((await recommendations(viewer, 'count=5')).experiment).toEqual(list.experiment);
      const seen = served[arm] ?? 0;
      served[arm] = seen + 1;
      // The client reports what it showed, then (simulated) a click: hybrid's lists are clicked far more often.
      const clicks = arm === 'hybrid' ? seen % 2 === 0 : seen % 10 === 0;
      const sessionId = `viewer-${index}`;
      const events = [
        clientEvent('experiment_exposure', new Date(), {
          sessionId,
          properties: {
            experimentId: id,
            arm,
            impressionId: list.impressionId,
            surface: 'recommendations.home',
            videoIds: list.items.map((item) => item.videoId),
          },
        }),
        ...(clicks
          ? [
              clientEvent('recommendation_click', new Date(Date.now() + 1_000), {
                sessionId,
                videoId: list.items[0].videoId,
                properties: { impressionId: list.impressionId },
              }),
            ]
          : []),
      ];
      const tracked = await track(app, events, { token: viewer.tokens.accessToken });
      expect(tracked.body).toMatchObject({ accepted: events.length, rejected: [] });
    };
    while (Math.min(served.hybrid ?? 0, served.popularity ?? 0) < 20)
      for (const viewer of await people(app, 10)) {
        viewers.push(viewer);
        await serve(viewer, viewers.length);
      }

    const results = await eventually(
      async () => {
        const answer = await admin('GET', `/v1/admin/experiments/${id}`);
        const arms = answer.body.results.arms as Array<{ arm: string; exposures: number }>;
        expect(Object.fromEntries(arms.map((arm) => [arm.arm, arm.exposures]))).toEqual(served);
        return answer.body.results;
      },
      { timeoutMs: 20_000 },
    );
    expect(results).toMatchObject({ final: true, canDeclareWinner: true, verdict: 'winner', winner: 'hybrid' });
    // Logged out, the home feed is trending and new whatever the arm: nobody is assigned.
    expect((await recommendations(undefined, 'count=5')).experiment).toBeNull();
    expect((await admin('POST', `/v1/admin/experiments/${id}/stop`)).status).toBe(200);
    expect((await recommendations(viewers[0], 'count=5')).experiment).toBeNull();
  }, 120_000);

  it('assigns logged-out viewers of "more like this" by their player session, so their exposures count', async () => {
    const adminToken = await logInAdmin(app);
    const created = await app.request('POST', '/v1/admin/experiments', {
      token: adminToken,
      body: {
        name: 'similar: co-watch against content',
        surface: 'recommendations.similar',
        arms: [
          { key: 'item-cf', percent: 50 },
          { key: 'content', percent: 50 },
        ],
        plannedExposuresPerArm: 20,
      },
    });
    const id = created.body.id as string;
    expect((await app.request('POST', `/v1/admin/experiments/${id}/start`, { token: adminToken })).status).toBe(200);
    const similar = async (query: string) => {
      const answer = await app.request('GET', `/v1/catalog/videos/${cooking[0].videoId}/similar?count=5${query}`);
      expect(answer.status).toBe(200);
      return answer.body as List;
    };
    const arms = new Set<string>();
    for (let index = 0; index < 12; index++) {
      const sessionId = `player-${index}`;
      const list = await similar(`&sessionId=${sessionId}`);
      expect(list.experiment).toEqual({ id, arm: expect.stringMatching(/^(item-cf|content)$/) });
      expect(list.strategy).toBe(list.experiment!.arm);
      expect((await similar(`&sessionId=${sessionId}`)).experiment).toEqual(list.experiment);
      arms.add(list.experiment!.arm);
      const exposure = clientEvent('experiment_exposure', new Date(), {
        sessionId,
        properties: {
          experimentId: id,
          arm: list.experiment!.arm,
          impressionId: list.impressionId,
          surface: 'recommendations.similar',
          videoIds: list.items.map((item) => item.videoId),
        },
      });
      expect((await track(app, [exposure])).body).toMatchObject({ accepted: 1, rejected: [] });
    }
    expect([...arms].sort()).toEqual(['content', 'item-cf']);
    // No session, no subject; a malformed one is refused.
    expect((await similar('')).experiment).toBeNull();
    const bad = await app.request(
      'GET',
      `/v1/catalog/videos/${cooking[0].videoId}/similar?sessionId=${'x'.repeat(129)}`,
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'validation.failed']);
    expect((await app.request('POST', `/v1/admin/experiments/${id}/stop`, { token: adminToken })).status).toBe(200);
  }, 60_000);

  async function pairCount(x: string, y: string): Promise<number> {
    const [row] = await sql<{ people: number }>(
      app,
      `select people from engagement.rec_cowatch_pairs where video_a = least(?::uuid, ?::uuid) and video_b = greatest(?::uuid, ?::uuid)`,
      [x, y, x, y],
    );
    return row ? Number(row.people) : 0;
  }
});
