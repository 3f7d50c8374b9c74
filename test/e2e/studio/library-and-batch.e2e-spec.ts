import type { TestApp } from '@lib/platform/testing';
import { startShowrunner } from '../../support/showrunner.js';
import { auth, createChannel, readyVideo, studioPerson } from './studio-helpers.js';

describe('studio library, series, collections, templates and batch tools', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  }, 60_000);
  afterAll(() => app.close());

  it('orders episodes in series and seasons, and refuses a taken slot or another channel’s series', async () => {
    const [owner, other] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    const otherChannel = await createChannel(app, other);
    const series = (
      await app.request('POST', `/v1/studio/channels/${channelId}/series`, {
        ...auth(owner),
        body: { title: 'Night Kitchen', description: 'Cooking late' },
      })
    ).body;
    const foreign = (
      await app.request('POST', `/v1/studio/channels/${otherChannel}/series`, {
        ...auth(other),
        body: { title: 'Theirs' },
      })
    ).body;
    const s1e2 = await readyVideo(app, owner, channelId, {
      title: 'S1E2',
      episode: { seriesId: series.id, season: 1, episode: 2 },
    });
    const s2e1 = await readyVideo(app, owner, channelId, {
      title: 'S2E1',
      episode: { seriesId: series.id, season: 2, episode: 1 },
    });
    const s1e1 = await readyVideo(app, owner, channelId, { title: 'S1E1' });
    const placed = await app.request('PATCH', `/v1/studio/videos/${s1e1.id}`, {
      ...auth(owner),
      body: { episode: { seriesId: series.id, season: 1, episode: 1 } },
    });
    expect(placed.body.episode).toEqual({ seriesId: series.id, season: 1, episode: 1 });

    const listed = await app.request('GET', `/v1/studio/series/${series.id}`, auth(owner));
    expect(listed.body.episodes.map((episode: { title: string }) => episode.title)).toEqual(['S1E1', 'S1E2', 'S2E1']);
    const taken = await app.request('PATCH', `/v1/studio/videos/${s2e1.id}`, {
      ...auth(owner),
      body: { episode: { seriesId: series.id, season: 1, episode: 2 } },
    });
    expect([taken.status, taken.body.code]).toEqual([409, 'studio.episode.slot-taken']);
    const theirs = await app.request('PATCH', `/v1/studio/videos/${s1e2.id}`, {
      ...auth(owner),
      body: { episode: { seriesId: foreign.id, season: 1, episode: 1 } },
    });
    expect([theirs.status, theirs.body.code]).toEqual([404, 'studio.series.not-found']);
    const zero = await app.request('PATCH', `/v1/studio/videos/${s1e2.id}`, {
      ...auth(owner),
      body: { episode: { seriesId: series.id, season: 0, episode: 1 } },
    });
    expect(zero.status).toBe(400);
    expect((await app.request('GET', `/v1/studio/series/${series.id}`, auth(other))).status).toBe(404);
    const byEpisode = await app.request(
      'GET',
      `/v1/studio/channels/${channelId}/library?seriesId=${series.id}&sort=episode`,
      auth(owner),
    );
    expect(byEpisode.body.items.map((item: { title: string }) => item.title)).toEqual(['S1E1', 'S1E2', 'S2E1']);
  });

  it('filters, searches, sorts and pages the library with a cursor; collections group videos', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const collection = (
      await app.request('POST', `/v1/studio/channels/${channelId}/collections`, {
        ...auth(owner),
        body: { name: 'Specials' },
      })
    ).body;
    const duplicate = await app.request('POST', `/v1/studio/channels/${channelId}/collections`, {
      ...auth(owner),
      body: { name: 'Specials' },
    });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'studio.collection.name-taken']);
    const titles = ['Bread', 'Apple pie', 'Curry', 'Dumplings'];
    const videos = [];
    for (const title of titles)
      videos.push(await readyVideo(app, owner, channelId, { title, tags: title === 'Curry' ? ['spicy'] : ['baking'] }));
    await app.request('PATCH', `/v1/studio/videos/${videos[2].id}`, {
      ...auth(owner),
      body: { collectionIds: [collection.id] },
    });
    await app.request('POST', `/v1/studio/videos/${videos[3].id}/publish`, { ...auth(owner), body: {} });

    const lib = (query: string) => app.request('GET', `/v1/studio/channels/${channelId}/library${query}`, auth(owner));
    expect((await lib('?tag=spicy')).body.items.map((item: { title: string }) => item.title)).toEqual(['Curry']);
    expect(
      (await lib(`?collectionId=${collection.id}`)).body.items.map((item: { title: string }) => item.title),
    ).toEqual(['Curry']);
    expect((await lib('?state=published')).body).toMatchObject({ total: 1, items: [{ title: 'Dumplings' }] });
    expect((await lib('?state=ready,published')).body.total).toBe(4);
    expect((await lib('?q=pie')).body.items.map((item: { title: string }) => item.title)).toEqual(['Apple pie']);
    expect((await lib('?q=100%25')).body.total).toBe(0);
    expect((await lib(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).body.total).toBe(0);

    const first = await lib('?sort=title&limit=3');
    expect(first.body.items.map((item: { title: string }) => item.title)).toEqual(['Apple pie', 'Bread', 'Curry']);
    const second = await lib(`?sort=title&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: { title: string }) => item.title)).toEqual(['Dumplings']);
    expect(second.body.nextCursor).toBeUndefined();
    const newest = await lib('?limit=2');
    expect(newest.body.items.map((item: { title: string }) => item.title)).toEqual(['Dumplings', 'Curry']);
    const older = await lib(`?limit=2&cursor=${newest.body.nextCursor}`);
    expect(older.body.items.map((item: { title: string }) => item.title)).toEqual(['Apple pie', 'Bread']);
    expect((await lib('?cursor=bm9wZQ')).body.code).toBe('http.cursor-invalid');
    expect((await lib('?state=gone')).status).toBe(400);
    expect((await lib('?sort=random')).status).toBe(400);

    const foreignCollection = await app.request('PATCH', `/v1/studio/videos/${videos[0].id}`, {
      ...auth(owner),
      body: { collectionIds: ['0193f000-0000-7000-8000-000000000000'] },
    });
    expect([foreignCollection.status, foreignCollection.body.code]).toEqual([404, 'studio.collection.not-found']);
    const foreignTemplate = await app.request('POST', `/v1/studio/channels/${channelId}/videos`, {
      ...auth(owner),
      body: { title: 'x', uploadId: 'x', templateId: '0193f000-0000-7000-8000-000000000000' },
    });
    expect([foreignTemplate.status, foreignTemplate.body.code]).toEqual([404, 'studio.template.not-found']);

    const deleted = await app.request('DELETE', `/v1/studio/collections/${collection.id}`, auth(owner));
    expect(deleted.body).toEqual({ deleted: true });
    expect((await app.request('GET', `/v1/studio/videos/${videos[2].id}`, auth(owner))).body.collectionIds).toEqual([]);
  });

  it('batch edits all or nothing: one foreign id refuses the whole batch with a per-item report', async () => {
    const [owner, other] = [await studioPerson(app), await studioPerson(app)];
    const channelId = await createChannel(app, owner);
    const a = await readyVideo(app, owner, channelId, { title: 'A' });
    const b = await readyVideo(app, owner, channelId, { title: 'B' });
    const theirs = await readyVideo(app, other, await createChannel(app, other), { title: 'Theirs' });

    const refused = await app.request('PATCH', '/v1/studio/videos', {
      ...auth(owner),
      body: { ids: [a.id, theirs.id, b.id], changes: { tags: ['batch'], category: 'food' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'studio.batch.rejected',
      applied: false,
      items: [
        { id: a.id, ok: true },
        { id: theirs.id, ok: false, code: 'studio.video.not-found' },
        { id: b.id, ok: true },
      ],
    });
    expect((await app.request('GET', `/v1/studio/videos/${a.id}`, auth(owner))).body.tags).toEqual([]);

    const applied = await app.request('PATCH', '/v1/studio/videos', {
      ...auth(owner),
      body: { ids: [a.id, b.id], changes: { tags: ['batch'], category: 'food' } },
    });
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      applied: true,
      items: [
        expect.objectContaining({ id: a.id, ok: true, changedFields: ['tags', 'category'] }),
        expect.objectContaining({ id: b.id, ok: true }),
      ],
    });
    expect((await app.request('GET', `/v1/studio/videos/${b.id}`, auth(owner))).body).toMatchObject({
      tags: ['batch'],
      category: 'food',
    });
    const bad = await app.request('PATCH', '/v1/studio/videos', { ...auth(owner), body: { ids: [], changes: {} } });
    expect(bad.status).toBe(400);
  });

  it('bulk publishes and unpublishes, reporting each video on its own', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const a = await readyVideo(app, owner, channelId, { title: 'A' });
    const b = await readyVideo(app, owner, channelId, { title: 'B' });
    const bulk = await app.request('POST', '/v1/studio/videos/publish', {
      ...auth(owner),
      body: { ids: [a.id, '0193f000-0000-7000-8000-000000000000', b.id] },
    });
    expect(bulk.body.items).toEqual([
      { id: a.id, ok: true, state: 'published' },
      expect.objectContaining({ ok: false, code: 'studio.video.not-found' }),
      { id: b.id, ok: true, state: 'published' },
    ]);
    const off = await app.request('POST', '/v1/studio/videos/unpublish', {
      ...auth(owner),
      body: { ids: [a.id, b.id] },
    });
    expect(off.body.items.map((item: { state: string }) => item.state)).toEqual(['unpublished', 'unpublished']);
  });

  it('applies content templates on create and in bulk, scheduling at the template’s time of day', async () => {
    const owner = await studioPerson(app);
    const channelId = await createChannel(app, owner);
    const template = await app.request('POST', `/v1/studio/channels/${channelId}/templates`, {
      ...auth(owner),
      body: {
        name: 'Weekly',
        description: 'A new episode every week',
        tags: ['weekly'],
        accessLevel: 'ad_free',
        publishTimeOfDay: '18:00',
        timeZone: 'Europe/Paris',
      },
    });
    expect(template.status).toBe(201);
    const badZone = await app.request('POST', `/v1/studio/channels/${channelId}/templates`, {
      ...auth(owner),
      body: { name: 'Bad', timeZone: 'Nowhere/Land' },
    });
    expect([badZone.status, badZone.body.code]).toEqual([400, 'studio.schedule.invalid-time-zone']);
    const badTime = await app.request('POST', `/v1/studio/channels/${channelId}/templates`, {
      ...auth(owner),
      body: { name: 'Bad', publishTimeOfDay: '25:00' },
    });
    expect([badTime.status, badTime.body.code]).toEqual([400, 'studio.schedule.invalid-time']);

    const fromTemplate = await readyVideo(app, owner, channelId, {
      title: 'Templated',
      templateId: template.body.id,
      tags: ['own'],
    });
    expect(fromTemplate).toMatchObject({
      description: 'A new episode every week',
      tags: ['own'],
      accessLevel: 'ad_free',
    });
    const plain = await readyVideo(app, owner, channelId, { title: 'Plain' });
    const applied = await app.request('POST', '/v1/studio/videos/apply-template', {
      ...auth(owner),
      body: { templateId: template.body.id, ids: [plain.id], schedule: true },
    });
    expect(applied.status).toBe(200);
    expect(applied.body.items).toEqual([expect.objectContaining({ id: plain.id, ok: true })]);
    expect(applied.body.scheduled).toEqual([{ id: plain.id, ok: true, state: 'scheduled' }]);
    const after = (await app.request('GET', `/v1/studio/videos/${plain.id}`, auth(owner))).body;
    expect(after).toMatchObject({
      tags: ['weekly'],
      accessLevel: 'ad_free',
      state: 'scheduled',
      scheduleTimeZone: 'Europe/Paris',
    });
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(after.scheduledAt));
    expect(local).toBe('18:00');

    const other = await studioPerson(app);
    const theirs = await readyVideo(app, other, await createChannel(app, other));
    const foreign = await app.request('POST', '/v1/studio/videos/apply-template', {
      ...auth(other),
      body: { templateId: template.body.id, ids: [theirs.id] },
    });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'studio.batch.rejected']);
    expect((await app.request('GET', `/v1/studio/channels/${channelId}/templates`, auth(other))).status).toBe(404);
  });
});
