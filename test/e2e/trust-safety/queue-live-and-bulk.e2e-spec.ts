import type { TestApp } from '@lib/platform/testing';
import { eventually } from '@lib/platform/testing';
import { ask, auth, collect, follow, newClientMessageId, person } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import {
  connectSocket,
  nextEvent,
  registerUser,
  startShowrunner,
  type RegisteredUser,
} from '../../support/showrunner.js';

describe('trust & safety: the live review queue over Socket.IO, and bulk actions', () => {
  let app: TestApp;
  let mod: RegisteredUser;

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    mod = await moderator(app, await logInAdmin(app));
  });
  afterAll(() => app.close());

  it('pushes queue changes live to moderators who subscribed, and refuses members', async () => {
    const modSocket = await connectSocket(app, auth(mod));
    const memberSocket = await connectSocket(app, auth(await registerUser(app)));
    try {
      expect(await ask(modSocket, 'moderation:subscribe')).toEqual({ room: 'moderation:queue' });
      const refused = await ask(memberSocket, 'moderation:subscribe');
      expect(refused.error.code).toBe('trust-safety.review-queue.moderators-only');

      const [reporter, target] = [await registerUser(app), await registerUser(app)];
      const pushed = nextEvent(modSocket, 'moderation:item');
      let memberSaw = false;
      memberSocket.on('moderation:item', () => (memberSaw = true));
      await report(app, reporter, { type: 'user', id: target.user.id }, 'hate');
      const item = await pushed;
      expect(item).toMatchObject({ kind: 'report', target: { type: 'user', id: target.user.id }, category: 'hate' });

      const claimedPush = nextEvent(modSocket, 'moderation:item');
      await app.request('POST', `/v1/admin/moderation/queue/${item.id}/claim`, auth(mod));
      expect(await claimedPush).toMatchObject({ id: item.id, claimedBy: mod.user.id });
      expect(memberSaw).toBe(false);
    } finally {
      modSocket.close();
      memberSocket.close();
    }
  });

  it('pushes new screening items (held content) live, once the content is stored', async () => {
    const modSocket = await connectSocket(app, auth(mod));
    try {
      expect(await ask(modSocket, 'moderation:subscribe')).toEqual({ room: 'moderation:queue' });
      const pushes = collect(modSocket, 'moderation:item');
      const [ana, ben] = [await person(app), await person(app)];
      await follow(app, ben, ana);
      const held = await app.request('POST', `/v1/users/${ben.user.id}/messages`, {
        ...auth(ana),
        body: { text: 'you are a f u c k i n g legend', clientMessageId: newClientMessageId() },
      });
      expect(held.body.held).toBe(true);
      await eventually(() =>
        expect(pushes.find((item) => item.target.id === held.body.id)).toMatchObject({
          kind: 'screening',
          status: 'open',
          target: { type: 'message', id: held.body.id },
          category: 'message.profanity',
          subjectUserId: ana.user.id,
        }),
      );
      // A refused text stores nothing, so nothing is pushed for it.
      const refused = await app.request('POST', `/v1/users/${ben.user.id}/messages`, {
        ...auth(ana),
        body: { text: 'go away you k1ke', clientMessageId: newClientMessageId() },
      });
      expect(refused.status).toBe(422);
      const page = await app.request('GET', '/v1/admin/moderation/queue?kind=screening&limit=100', auth(mod));
      const subjects = (page.body.items as any[]).filter((item) => item.subjectUserId === ana.user.id);
      expect(pushes.filter((item) => item.subjectUserId === ana.user.id).map((item) => item.id)).toEqual(
        subjects.map((item) => item.id),
      );
    } finally {
      modSocket.close();
    }
  });

  it('applies one decision to many items; a refused item does not stop the others, and repeating changes nothing', async () => {
    const [reporter, other] = [await registerUser(app), await moderator(app, await logInAdmin(app))];
    const spammers = [await registerUser(app), await registerUser(app), await registerUser(app)];
    for (const spammer of spammers) await report(app, reporter, { type: 'user', id: spammer.user.id }, 'spam');
    const page = await app.request('GET', '/v1/admin/moderation/queue?category=spam&limit=100', auth(mod));
    const ids = spammers.map((s) => page.body.items.find((item: any) => item.target.id === s.user.id).id as string);
    // Another moderator holds the last one.
    await app.request('POST', `/v1/admin/moderation/queue/${ids[2]}/claim`, auth(other));

    const bulk = (itemIds: string[]) =>
      app.request('POST', '/v1/admin/moderation/queue/actions', {
        ...auth(mod),
        body: { itemIds, action: 'warn', reason: 'Spam campaign', rule: 'spam.bulk' },
      });
    const first = await bulk([...ids, '018f0000-0000-7000-8000-000000000000']);
    expect(first.status).toBe(200);
    const [a, b, held, missing] = first.body.results;
    expect(a.decision).toMatchObject({ action: 'warn', subjectUserId: spammers[0].user.id });
    expect(b.decision).toMatchObject({ action: 'warn', subjectUserId: spammers[1].user.id });
    expect(held.error).toMatchObject({ status: 409, code: 'trust-safety.review-item.claimed' });
    expect(missing.error).toMatchObject({ status: 404, code: 'trust-safety.review-item.not-found' });

    const again = await bulk(ids.slice(0, 2));
    expect(again.body.results.map((r: any) => r.decision.id)).toEqual([a.decision.id, b.decision.id]);
    expect((await bulk([])).status).toBe(400);
    const member = await registerUser(app);
    const forbidden = await app.request('POST', '/v1/admin/moderation/queue/actions', {
      ...auth(member),
      body: { itemIds: ids, action: 'ban', reason: 'nope' },
    });
    expect(forbidden.status).toBe(403);
  });
});
