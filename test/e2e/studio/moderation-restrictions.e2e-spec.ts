import { randomUUID } from 'node:crypto';
import { eventsConsumed, eventually, type TestApp } from '@lib/platform/testing';
import { startShowrunner } from '../../support/showrunner.js';
import { auth, createChannel, onTestServer, readyVideo, sql, studioPerson } from './studio-helpers.js';

/**
 * Studio applies trust & safety's decisions to its own videos. The events are written to the outbox
 * as trust & safety's commit writes them, so their order and timestamps are the test's to choose.
 */
describe('studio: trust & safety decisions on videos and their owners', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner();
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  const catalogIds = async (creatorId: string) =>
    ((await app.request('GET', `/v1/catalog?creator=${creatorId}`)).body.items as Array<{ id: string }>)
      .map((v) => v.id)
      .sort();

  /** Writes the event and waits for `consumer`; `key` is a part of the payload only this event has. */
  async function emit(
    type: string,
    consumer: string,
    payload: Record<string, unknown>,
    key: Record<string, unknown>,
  ): Promise<void> {
    await sql(
      app,
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, ?, ?, ?, 1, now())`,
      [randomUUID(), type, JSON.stringify(payload), randomUUID()],
    );
    await eventsConsumed(app, consumer, { type, payload: key });
  }
  const sanction = (userId: string, change: 'imposed' | 'lifted', sanction: 'suspension' | 'ban', changedAt: Date) =>
    emit(
      'trust-safety.account-sanction-changed.v1',
      'studio.apply-account-sanctions',
      { userId, sanction, change, until: null, changedAt: changedAt.toISOString() },
      { userId, sanction, change, changedAt: changedAt.toISOString() },
    );
  function actioned(videoId: string, action: string, decidedAt: Date, contentType = 'video') {
    const decisionId = randomUUID();
    return emit(
      'trust-safety.content-actioned.v1',
      'studio.apply-content-actions',
      {
        decisionId,
        contentType,
        contentId: videoId,
        action,
        rule: 'test.rule',
        reason: 'because',
        decidedAt: decidedAt.toISOString(),
      },
      { decisionId },
    );
  }

  async function creatorWithVideos(count: number) {
    const creator = await studioPerson(app);
    const channelId = await createChannel(app, creator, 'Restricted channel');
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const video = await readyVideo(app, creator, channelId, { title: `Episode ${i + 1}` });
      expect(
        (await app.request('POST', `/v1/studio/videos/${video.id}/publish`, { ...auth(creator), body: {} })).status,
      ).toBe(200);
      ids.push(video.id);
    }
    await eventually(async () => expect(await catalogIds(creator.user.id)).toEqual([...ids].sort()));
    return { creator, ids: ids.sort() };
  }

  it("a creator's suspension takes all their videos out of the catalog and playback; lifting it brings them back; a late older event changes nothing", async () => {
    const { creator, ids } = await creatorWithVideos(2);
    const fan = await studioPerson(app);
    const t = Date.now();

    await sanction(creator.user.id, 'imposed', 'suspension', new Date(t));
    expect(await catalogIds(creator.user.id)).toEqual([]);
    for (const id of ids) {
      const refused = await app.request('GET', `/v1/catalog/videos/${id}/playback`, auth(fan));
      expect([refused.status, refused.body.code, refused.body.reason]).toEqual([
        403,
        'studio.video.taken-down',
        'owner-sanctioned',
      ]);
      // The video page reads the restriction in the same statement as the video: refused alike.
      const page = await app.request('GET', `/v1/catalog/videos/${id}`, auth(fan));
      expect([page.status, page.body.code, page.body.reason]).toEqual([
        403,
        'studio.video.taken-down',
        'owner-sanctioned',
      ]);
    }

    await sanction(creator.user.id, 'lifted', 'suspension', new Date(t + 2_000));
    expect(await catalogIds(creator.user.id)).toEqual(ids);
    expect((await app.request('GET', `/v1/catalog/videos/${ids[0]}/playback`, auth(fan))).status).toBe(200);
    expect((await app.request('GET', `/v1/catalog/videos/${ids[0]}`)).status).toBe(200);

    // The suspension event delivered again late (older than the lift): still visible.
    await sanction(creator.user.id, 'imposed', 'suspension', new Date(t + 1_000));
    expect(await catalogIds(creator.user.id)).toEqual(ids);
    expect((await app.request('GET', `/v1/catalog/videos/${ids[1]}/playback`, auth(fan))).status).toBe(200);

    // A ban works the same, and lifting a suspension does not undo a ban.
    await sanction(creator.user.id, 'imposed', 'ban', new Date(t + 3_000));
    await sanction(creator.user.id, 'lifted', 'suspension', new Date(t + 4_000));
    expect(await catalogIds(creator.user.id)).toEqual([]);
  }, 300_000);

  it('hide and remove take one video down, restore brings it back, in decision order whatever the arrival order', async () => {
    const { creator, ids } = await creatorWithVideos(2);
    const [target, other] = ids;
    const playback = await app.request('GET', `/v1/catalog/videos/${target}/playback`, auth(creator));
    expect(playback.status).toBe(200);
    const t = Date.now();

    await actioned(target, 'hide', new Date(t));
    expect(await catalogIds(creator.user.id)).toEqual([other]);
    // The creator's page lists only what the catalog shows.
    const page = await app.request('GET', `/v1/creators/${creator.user.id}`);
    expect((page.body.latestVideos as Array<{ videoId: string }>).map((video) => video.videoId)).toEqual([other]);
    const refused = await app.request('GET', `/v1/catalog/videos/${target}/playback`, auth(creator));
    expect([refused.status, refused.body.code]).toEqual([403, 'studio.video.taken-down']);
    const hiddenPage = await app.request('GET', `/v1/catalog/videos/${target}`);
    expect([hiddenPage.status, hiddenPage.body.reason]).toEqual([403, 'taken-down']);
    const manifest = await fetch(onTestServer(app, playback.body.masterUrl));
    expect(manifest.status).toBe(403);

    await actioned(target, 'restore', new Date(t + 2_000));
    expect(await catalogIds(creator.user.id)).toEqual(ids);
    expect((await app.request('GET', `/v1/catalog/videos/${target}`)).status).toBe(200);
    expect((await fetch(onTestServer(app, playback.body.masterUrl))).status).toBe(200);
    // A removal decided before the restore, arriving after it: ignored.
    await actioned(target, 'remove', new Date(t + 1_000));
    expect(await catalogIds(creator.user.id)).toEqual(ids);

    // Decisions on other content types, or on videos studio does not know, change nothing.
    await actioned(target, 'remove', new Date(t + 5_000), 'comment');
    await actioned(randomUUID(), 'remove', new Date(t + 5_000));
    expect(await catalogIds(creator.user.id)).toEqual(ids);
    expect(await sql(app, 'select 1 from studio.video_takedowns where video_id <> ?', [target])).toEqual([]);
  }, 300_000);
});
