import type { Socket } from 'socket.io-client';
import { eventually, startSmtpServer, type TestApp, type TestSmtpServer } from '@lib/platform/testing';
import { sql } from '../../support/billing.js';
import { auth, collect, follow, person } from '../../support/messaging.js';
import { connectSocket, nextEvent, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/**
 * A COMMIT that PostgreSQL refuses once: a deferred constraint trigger on the user's new-follower
 * notifications raises at commit time the first time it runs (a sequence counts, and a sequence is
 * not rolled back), so the consumer's insert succeeds and only its COMMIT fails.
 */
async function failNextNotificationCommitFor(app: TestApp, user: RegisteredUser): Promise<void> {
  await sql(app, `create sequence engagement.test_commit_failures`);
  await sql(
    app,
    `create function engagement.test_fail_commit_once() returns trigger language plpgsql as $$
     begin
       if nextval('engagement.test_commit_failures') = 1 then
         raise exception 'the test refuses this commit once';
       end if;
       return null;
     end $$`,
  );
  await sql(
    app,
    `create constraint trigger test_fail_commit_once after insert on engagement.notifications
       deferrable initially deferred for each row
       when (new.user_id = '${user.user.id}'::uuid and new.type = 'follower.new')
       execute function engagement.test_fail_commit_once()`,
  );
}

const commitFailures = async (app: TestApp) =>
  Number(
    (
      await sql<{ failures: string }>(
        app,
        `select case when is_called then last_value else 0 end as failures from engagement.test_commit_failures`,
      )
    )[0].failures,
  );

/**
 * Everything pushed to the user before this returns has reached the socket: the marker push
 * (`notification:read`) travels the same Redis connection after anything published earlier.
 */
async function pushesSettled(app: TestApp, user: RegisteredUser, socket: Socket): Promise<void> {
  const marker = nextEvent(socket, 'notification:read');
  await app.request('POST', '/v1/notifications/read-all', auth(user));
  await marker;
}

describe('notification side effects wait for the commit', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let socket: Socket | undefined;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startShowrunner({ MAIL_URL: smtp.url(), MAIL_FROM: 'Showrunner <no-reply@example.test>' });
  });
  afterAll(async () => {
    socket?.close();
    await app.close();
    await smtp.close();
  });

  it('pushes and mails nothing when the commit fails, then exactly once when the retry commits', async () => {
    const star = await person(app);
    const fan = await person(app);
    await app.request('PUT', '/v1/notifications/preferences', {
      ...auth(star),
      body: { preferences: { 'follower.new': { inApp: true, email: true } } },
    });
    socket = await connectSocket(app, auth(star));
    const pushes = collect<{ id: string; type: string }>(socket, 'notification:new');
    const followerMails = () =>
      smtp.received.filter(
        (mail) => mail.rcptTo.includes(star.user.email) && /^Subject: .* started following you/m.test(mail.raw),
      );
    await failNextNotificationCommitFor(app, star);

    await follow(app, fan, star);
    await eventually(async () => expect(await commitFailures(app)).toBe(1));
    // The refused transaction stored nothing, and announced nothing (a mail would have been sent before its COMMIT).
    await pushesSettled(app, star, socket);
    expect(pushes.filter((push) => push.type === 'follower.new')).toEqual([]);
    expect(followerMails()).toEqual([]);
    expect(
      await sql(app, `select id from engagement.notifications where user_id = ? and type = 'follower.new'`, [
        star.user.id,
      ]),
    ).toEqual([]);

    // The consumer's retry commits: one notification, one push, one mail, all under the same id.
    await eventually(() => expect(followerMails()).toHaveLength(1), { timeoutMs: 15_000 });
    await eventually(() => expect(pushes.filter((push) => push.type === 'follower.new')).toHaveLength(1));
    await pushesSettled(app, star, socket);
    const stored = await sql<{ id: string }>(
      app,
      `select id from engagement.notifications where user_id = ? and type = 'follower.new'`,
      [star.user.id],
    );
    expect(stored).toHaveLength(1);
    expect(pushes.filter((push) => push.type === 'follower.new')).toEqual([
      expect.objectContaining({ id: stored[0].id }),
    ]);
    expect(followerMails()).toHaveLength(1);
    expect(followerMails()[0].raw).toMatch(new RegExp(`^X-Idempotency-Key: ${stored[0].id}`, 'm'));
    expect(await commitFailures(app)).toBe(2); // the failed attempt and the committed retry, nothing more
  });
});
