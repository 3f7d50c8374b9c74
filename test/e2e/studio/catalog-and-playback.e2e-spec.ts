import { rebuildIndex, SearchIndex, SearchIndexCatalog } from '@lib/platform';
import { eventually, type TestApp } from '@lib/platform/testing';
import { startBillingOnFakeStripe, subscribe, type BillingOnFakeStripe } from '../../support/billing.js';
import { addMember, auth, createChannel, readyVideo, studioPerson } from './studio-helpers.js';

/** Fans find published episodes in the catalog and play them as far as their plan allows. */
describe('studio catalog and playback', () => {
  let billing: BillingOnFakeStripe;
  let app: TestApp;

  beforeAll(async () => {
    billing = await startBillingOnFakeStripe();
    app = billing.app;
  }, 60_000);
  afterAll(() => billing.close());

  const catalog = (query: string) => app.request('GET', `/v1/catalog${query}`);
  const ids = (answer: { body: { items: Array<{ id: string }> } }) => answer.body.items.map((item) => item.id);

  it('finds published videos by words (with typos), filters, facets and suggestions, and drops them on unpublish and delete', async () => {
    const creator = await studioPerson(app);
    const channelId = await createChannel(app, creator, 'Midnight Bakery');
    const croissant = await readyVideo(app, creator, channelId, {
      title: 'Perfect croissants at home',
      tags: ['baking', 'pastry'],
      category: 'food',
      language: 'fr',
    });
    const ramen = await readyVideo(app, creator, channelId, {
      title: 'Midnight ramen',
      category: 'food',
      accessLevel: 'ad_free',
    });
    const draft = await readyVideo(app, creator, channelId, { title: 'Secret croissant recipe' });
    for (const video of [croissant, ramen])
      expect(
        (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
      ).toBe(200);

    await eventually(async () =>
      expect(ids(await catalog(`?creator=${creator.user.id}`)).sort()).toEqual([croissant.id, ramen.id].sort()),
    );
    expect(ids(await catalog('?q=croissants'))).toEqual([croissant.id]);
    expect(ids(await catalog('?q=crossaints'))).toEqual([croissant.id]); // a typo
    expect(ids(await catalog('?q=croiss'))).toEqual([croissant.id]); // a word still being typed
    expect(ids(await catalog(`?q=pastry&creator=${creator.user.handle}`))).toEqual([croissant.id]);
    const food = await catalog(`?category=food&creator=${creator.user.id}`);
    expect(food.body).toMatchObject({ total: 2, totalRelation: 'eq', facetsExhaustive: true });
    expect(food.body.facets.tier).toEqual(
      expect.arrayContaining([
        { value: 'free', count: 1 },
        { value: 'ad_free', count: 1 },
      ]),
    );
    expect(food.body.facets.duration).toEqual([{ value: 'short', count: 2 }]);
    expect(ids(await catalog(`?tier=ad_free&creator=${creator.user.id}`))).toEqual([ramen.id]);
    expect(ids(await catalog(`?duration=long&creator=${creator.user.id}`))).toEqual([]);
    expect((await catalog('?tier=platinum')).status).toBe(400);
    expect((await catalog('?sort=sideways')).status).toBe(400);
    const newest = await catalog(`?creator=${creator.user.id}&sort=newest&limit=1`);
    expect(ids(newest)).toEqual([ramen.id]);
    expect(
      ids(await catalog(`?creator=${creator.user.id}&sort=newest&limit=1&cursor=${newest.body.nextCursor}`)),
    ).toEqual([croissant.id]);

    const suggest = await app.request('GET', '/v1/catalog/suggest?q=perfect%20croi');
    expect(suggest.body.items).toEqual([
      expect.objectContaining({
        id: croissant.id,
        title: 'Perfect croissants at home',
        channelName: 'Midnight Bakery',
      }),
    ]);
    const page = await app.request('GET', `/v1/catalog/videos/${croissant.id}`);
    expect(page.body).toMatchObject({
      id: croissant.id,
      title: 'Perfect croissants at home',
      creatorId: creator.user.id,
      creatorHandle: creator.user.handle.toLowerCase(),
      channelName: 'Midnight Bakery',
      tier: 'free',
    });
    expect(page.body.thumbnailUrl).toEqual(expect.any(String));
    expect((await app.request('GET', `/v1/catalog/videos/${draft.id}`)).status).toBe(404);

    // Edits reach the catalog; unpublish and delete take videos out of it.
    await app.request('PATCH', `/v1/studio/videos/${croissant.id}`, {
      ...auth(creator),
      body: { title: 'Perfect croissants, the sequel' },
    });
    await eventually(async () =>
      expect((await catalog('?q=sequel')).body.items.map((item: { id: string }) => item.id)).toEqual([croissant.id]),
    );
    await app.request('POST', `/v1/studio/videos/${croissant.id}/unpublish`, auth(creator));
    await app.request('DELETE', `/v1/studio/videos/${ramen.id}`, auth(creator));
    await eventually(async () => expect((await catalog(`?creator=${creator.user.id}`)).body.total).toBe(0));
    expect((await app.request('GET', `/v1/catalog/videos/${croissant.id}`)).status).toBe(404);
  });

  it('plays free videos to anyone signed in, paid ones only to entitled plans, and early access only to early-access plans', async () => {
    const [creator, editor, fan, prime] = [
      await studioPerson(app),
      await studioPerson(app),
      await studioPerson(app),
      await studioPerson(app),
    ];
    await subscribe(app, billing.fake, prime, 'prime');
    const channelId = await createChannel(app, creator);
    await addMember(app, channelId, creator, editor, 'editor');
    const free = await readyVideo(app, creator, channelId, { title: 'Free one' });
    const paid = await readyVideo(app, creator, channelId, { title: 'Ad-free one', accessLevel: 'ad_free' });
    // Another creator's channel: the Free plan publishes two episodes a month.
    const otherCreator = await studioPerson(app);
    const early = await readyVideo(app, otherCreator, await createChannel(app, otherCreator), {
      title: 'Early one',
      earlyAccessDays: 7,
    });
    const unpublished = await readyVideo(app, creator, channelId, { title: 'Not yet' });
    await app.request('PUT', `/v1/studio/videos/${free.id}/captions/en`, {
      ...auth(creator),
      body: { content: 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello' },
    });
    for (const video of [free, paid])
      expect(
        (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
      ).toBe(200);
    expect(
      (await app.request('POST', `/v1/studio/videos/${early.id}/publish`, { ...auth(otherCreator), body: {} })).status,
    ).toBe(200);
    const play = (user: typeof fan, videoId: string) =>
      app.request('GET', `/v1/catalog/videos/${videoId}/playback`, auth(user));

    const freePlay = await play(fan, free.id);
    expect(freePlay.status).toBe(200);
    expect(freePlay.body).toMatchObject({
      videoId: free.id,
      masterUrl: expect.any(String),
      captions: [{ language: 'en', label: 'en', url: `/v1/catalog/videos/${free.id}/captions/en.vtt` }],
    });
    const master = await fetch(
      `${app.url}${new URL(freePlay.body.masterUrl, app.url).pathname}${new URL(freePlay.body.masterUrl, app.url).search}`,
    );
    expect(master.status).toBe(200);
    expect(await master.text()).toContain('#EXTM3U');
    const vtt = await fetch(`${app.url}${freePlay.body.captions[0].url}`);
    expect(await vtt.text()).toContain('Hello');
    // The video page lists captions by language and label only (their WebVTT stays in the database).
    expect((await app.request('GET', `/v1/catalog/videos/${free.id}`)).body.captions).toEqual([
      { language: 'en', label: 'en' },
    ]);
    expect((await app.request('GET', `/v1/catalog/videos/${early.id}`)).body).toMatchObject({
      earlyAccessDays: 7,
      availableToAllAt: expect.any(String),
    });

    const refused = await play(fan, paid.id);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'billing.entitlement.required', entitlement: 'ad_free' });
    expect(refused.body.upgradeTo.map((option: { planId: string }) => option.planId)).toContain('prime');
    expect((await play(prime, paid.id)).status).toBe(200);

    const tooEarly = await play(fan, early.id);
    expect([tooEarly.status, tooEarly.body.code, tooEarly.body.entitlement]).toEqual([
      403,
      'billing.entitlement.required',
      'early_access',
    ]);
    expect((await play(prime, early.id)).status).toBe(200);

    // The team always plays its own work, published or not; fans never see unpublished work.
    expect((await play(editor, paid.id)).status).toBe(200);
    expect((await play(creator, unpublished.id)).status).toBe(200);
    const hidden = await play(prime, unpublished.id);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'studio.catalog.video-not-found']);
    expect((await app.request('GET', `/v1/catalog/videos/${free.id}/playback`)).status).toBe(401);
  });

  it('rebuilds the catalog from published videos with their channel, creator and series, as search:reindex does', async () => {
    const creator = await studioPerson(app);
    const channelId = await createChannel(app, creator, 'Harbour Radio');
    const series = (
      await app.request('POST', `/v1/studio/channels/${channelId}/series`, {
        ...auth(creator),
        body: { title: 'Tide Tables', description: 'Weekly' },
      })
    ).body;
    const episode = await readyVideo(app, creator, channelId, {
      title: 'Low water',
      episode: { seriesId: series.id, season: 1, episode: 1 },
    });
    await app.request('POST', `/v1/studio/videos/${episode.id}/publish`, { ...auth(creator), body: {} });
    await eventually(async () => expect(ids(await catalog(`?creator=${creator.user.id}`))).toEqual([episode.id]));

    // The CLI's path: the index's registered source, rebuilt into a new version that goes live.
    const source = app.app.get(SearchIndexCatalog).get('catalog')!;
    const result = await rebuildIndex(app.app.get(SearchIndex), source, { batchSize: 1 });

    expect(result.written).toBeGreaterThanOrEqual(1);
    const found = await catalog(`?creator=${creator.user.id}`);
    expect(ids(found)).toEqual([episode.id]);
    expect(found.body.items[0]).toMatchObject({
      title: 'Low water',
      channelName: 'Harbour Radio',
      creatorHandle: creator.user.handle.toLowerCase(),
      seriesTitle: 'Tide Tables',
      seriesId: series.id,
      season: 1,
      episode: 1,
    });

    // The video page is read from the tables in one statement: every field is the freshly indexed document's.
    const page = await app.request('GET', `/v1/catalog/videos/${episode.id}`);
    const { score: _score, ...indexed } = found.body.items[0];
    const { thumbnailUrl, previewUrl, captions, ...shown } = page.body;
    expect(shown).toEqual(indexed);
    expect([thumbnailUrl, previewUrl, captions]).toEqual([
      expect.stringMatching(/\/v1\/media\/[^/]+\/thumbnails\/\d+\.jpg\?exp=\d+&sig=/),
      expect.stringMatching(/\/preview\.jpg\?exp=\d+&sig=/),
      [],
    ]);
  });

  it('finds a video published now for a word more videos hold than are ranked, in results and in suggestions', async () => {
    // 1,000 older videos already say "sourdough", each once in its title; their ids sort before any new video's.
    const older = Array.from({ length: 1000 }, (_, i) => ({
      id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      version: 1,
      body: {
        title: `Sourdough loaf ${i}`,
        category: 'food',
        tier: 'free',
        publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      },
    }));
    expect(await app.app.get(SearchIndex).upsert('catalog', older)).toMatchObject({ written: 1000, failed: [] });
    const creator = await studioPerson(app);
    const channelId = await createChannel(app, creator, 'Crumb Lab');
    const video = await readyVideo(app, creator, channelId, {
      title: 'Sourdough, from starter to sourdough loaf',
      tags: ['sourdough'],
    });
    await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} });
    await eventually(async () => expect(ids(await catalog(`?creator=${creator.user.id}`))).toEqual([video.id]));

    // Ranked among the 1,000 newest matches: it is one of them, and the best.
    const found = await catalog('?q=sourdough');
    expect(found.body).toMatchObject({ total: 1000, totalRelation: 'gte', facetsExhaustive: false });
    expect(ids(found)[0]).toBe(video.id);
    const suggest = await app.request('GET', '/v1/catalog/suggest?q=sourd');
    expect(suggest.body.items[0]).toMatchObject({ id: video.id });
  });
});
