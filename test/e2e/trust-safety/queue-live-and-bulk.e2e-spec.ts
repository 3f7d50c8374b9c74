import type { TestApp } from '@lib/platform/testing';
import { ask, auth } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import {
  connectSocket,
  nextEvent,
  registerUser,
  startShowrunner,
  type RegisteredUser,
} from '../../support/showrunner.js';

describe('trust & safety: the live review queue over Socket.IO', () => {
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
});
