import { randomUUID } from 'node:crypto';
import {
  eventsConsumed,
  eventually,
  queueSettled,
  startSmtpServer,
  type TestApp,
  type TestSmtpServer,
} from '@lib/platform/testing';
import { sql } from '../../support/billing.js';
import { auth, follow, person } from '../../support/messaging.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/** Studio's event, entering through the outbox exactly as studio's own publish writes it. */
async function videoPublished(app: TestApp, creator: RegisteredUser, videoId: string, title: string): Promise<void> {
  const payload = {
    videoId,
    channelId: randomUUID(),
    creatorId: creator.user.id,
    title,
    accessLevel: 'free',
    earlyAccessDays: null,
    seriesId: null,
    publishedAt: new Date().toISOString(),
  };
  await sql(
    app,
    `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at) values (?, 'studio.video-published.v1', ?, ?, 1, now())`,
    [randomUUID(), JSON.stringify(payload), videoId],
  );
}

describe('notification delivery: new episodes to followers in batches, e-mail, paging', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startShowrunner({
      MAIL_URL: smtp.url(),
      MAIL_FROM: 'Showrunner <no-reply@example.test>',
      NOTIFICATION_FANOUT_BATCH: '2',
    });
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const notificationsOf = async (user: RegisteredUser, query = '') =>
    (await app.request('GET', `/v1/notifications${query}`, auth(user))).body;
  const episodesOf = async (user: RegisteredUser) =>
    (await notificationsOf(user, '?limit=100')).items.filter((n: { type: string }) => n.type === 'episode.published');

  it('tells every follower of a publishing creator, batch by batch, once even when the event comes twice', async () => {
    const creator = await person(app);
    const [f1, f2, f3, f4, f5, f6] = await Promise.all(Array.from({ length: 6 }, () => person(app)));
    for (const follower of [f1, f2, f3, f4, f5, f6]) await follow(app, follower, creator);
    await app.request('DELETE', `/v1/creators/${creator.user.id}/follow`, auth(f5));
    await app.request('POST', `/v1/users/${creator.user.id}/mute`, auth(f4));
    await app.request('PUT', '/v1/notifications/preferences', {
      ...auth(f6),
      body: { preferences: { 'episode.published': { inApp: false, email: false } } },
    });

    const videoId = randomUUID();
    await videoPublished(app, creator, videoId, 'Episode 1');
    await videoPublished(app, creator, videoId, 'Episode 1'); // a replay upstream
    // Four followers want it: two batches of two (the batch size here), plus the empty tail.
    for (const follower of [f1, f2, f3]) {
      await eventually(async () =>
        expect(await episodesOf(follower)).toEqual([
          expect.objectContaining({
            subjectId: videoId,
            actorIds: [creator.user.id],
            data: expect.objectContaining({ title: 'Episode 1', videoId }),
          }),
        ]),
      );
    }
    // Both deliveries handled and every batch they queued has run: a duplicate would show now.
    await eventsConsumed(app, 'engagement.notify-followers-on-publish', {
      type: 'studio.video-published.v1',
      payload: { videoId },
      atLeast: 2,
    });
    await queueSettled(app, 'engagement.fan-out');
    for (const follower of [f1, f2, f3]) expect(await episodesOf(follower)).toHaveLength(1);
    for (const silent of [f4, f5, f6, creator]) expect(await episodesOf(silent)).toEqual([]);
  });

  it('e-mails what a user wants by e-mail, through the SMTP server', async () => {
    const newcomer = await person(app);
    // Registration also mails an e-mail verification link (identity's account links): not a notification.
    const notificationMails = () =>
      smtp.received.filter(
        (mail) => mail.rcptTo.includes(newcomer.user.email) && !/^X-Idempotency-Key: account-link:/m.test(mail.raw),
      );
    await eventually(() => expect(notificationMails()).toHaveLength(1));
    const [welcome] = notificationMails();
    expect(welcome.raw).toMatch(/^Subject: Welcome to Showrunner/m);
    expect(welcome.raw).toContain(newcomer.user.displayName);

    // New followers are in-app only by default; opting in to e-mail sends one.
    const fan = await person(app);
    await follow(app, fan, newcomer);
    // The notifier has handled the follow (its mail would have gone out by then).
    await eventsConsumed(app, 'engagement.notify-new-follower', {
      type: 'engagement.user-followed.v1',
      payload: { followerId: fan.user.id, followeeId: newcomer.user.id },
    });
    expect(notificationMails()).toHaveLength(1);
    await app.request('PUT', '/v1/notifications/preferences', {
      ...auth(newcomer),
      body: { preferences: { 'follower.new': { inApp: true, email: true } } },
    });
    await app.request('POST', '/v1/notifications/read-all', auth(newcomer));
    await follow(app, await person(app), newcomer);
    await eventually(() => expect(notificationMails()).toHaveLength(2));
  });

  it('pages notifications newest first with a cursor, without gaps or repeats', async () => {
    const creator = await person(app);
    const fan = await person(app);
    await follow(app, fan, creator);
    for (let i = 1; i <= 7; i += 1) await videoPublished(app, creator, randomUUID(), `Episode ${i}`);
    await eventually(async () => expect(await episodesOf(fan)).toHaveLength(7));

    const seen: string[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await notificationsOf(fan, `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      sizes.push(page.items.length);
      seen.push(...page.items.map((n: { id: string }) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await notificationsOf(fan, '?limit=100')).items;
    expect(seen).toEqual(all.map((n: { id: string }) => n.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(sizes).toEqual([3, 3, 2]); // 7 episodes + the welcome
    const times = all.map((n: { updatedAt: string }) => n.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await app.request('GET', '/v1/notifications?cursor=garbage', auth(fan))).status).toBe(400);
  });
});
