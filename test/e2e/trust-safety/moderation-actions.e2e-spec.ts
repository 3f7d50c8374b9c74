import { eventsConsumed, eventually, outboxEventIds, type TestApp } from '@lib/platform/testing';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { auth, person, sendTo } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import {
  connectSocket,
  nextEvent,
  registerUser,
  startShowrunner,
  type RegisteredUser,
} from '../../support/showrunner.js';

describe('trust & safety: moderation actions', () => {
  let app: TestApp;
  let adminToken: string;
  let mod: RegisteredUser;

  beforeAll(async () => {
    app = await startShowrunner({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRUST_SAFETY_ESCALATION_VIOLATIONS: '2',
      TRUST_SAFETY_ESCALATION_TIMEOUT_HOURS: '12',
    });
    adminToken = await logInAdmin(app);
    mod = await moderator(app, adminToken);
  });
  afterAll(() => app.close());

  /** Reports the target and returns its queue item's id. */
  async function itemFor(reporter: RegisteredUser, target: { type: string; id: string }, category = 'harassment') {
    expect((await report(app, reporter, target, category)).status).toBe(200);
    const page = await app.request('GET', `/v1/admin/moderation/queue?limit=100`, auth(mod));
    return (page.body.items as any[]).find((item) => item.target.id === target.id).id as string;
  }
  const act = (itemId: string, body: Record<string, unknown>, as = mod) =>
    app.request('POST', `/v1/admin/moderation/queue/${itemId}/actions`, { ...auth(as), body });
  const standingOf = (userId: string) => app.app.get(AccountStandings).standingOf(userId);

  it('hides a reported message: the owning context hears of it, the author and the reporter are told, the audit log records it', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    const message = await sendTo(app, ana, ben, 'something nasty');
    const itemId = await itemFor(ben, { type: 'message', id: message.id });

    const decided = await act(itemId, { action: 'hide', reason: 'Targeted insult', rule: 'harassment.targeted' });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      action: 'hide',
      target: { type: 'message', id: message.id },
      subjectUserId: ana.user.id,
      moderatorId: mod.user.id,
      rule: 'harassment.targeted',
    });
    expect(
      await outboxEventIds(app, 'trust-safety.content-actioned.v1', {
        decisionId: decided.body.id,
        contentType: 'message',
        contentId: message.id,
        action: 'hide',
      }),
    ).toHaveLength(1);

    await eventsConsumed(app, 'engagement.notify-moderation-decision', {
      type: 'trust-safety.moderation-decided.v1',
      payload: { decisionId: decided.body.id },
    });
    const anaNotes = await app.request('GET', '/v1/notifications', auth(ana));
    const toAna = anaNotes.body.items.find((n: any) => n.type === 'moderation.decision');
    expect(toAna.data).toMatchObject({ role: 'subject', action: 'hide', reason: 'Targeted insult' });
    expect(toAna.data.appealPath).toContain(decided.body.id);
    // The subject never learns who reported.
    expect(JSON.stringify(anaNotes.body)).not.toContain(ben.user.id);
    const benNotes = await app.request('GET', '/v1/notifications', auth(ben));
    expect(benNotes.body.items.find((n: any) => n.type === 'moderation.decision').data).toMatchObject({
      role: 'reporter',
      outcome: 'actioned',
    });
    const history = await app.request('GET', '/v1/reports', auth(ben));
    expect(history.body.items[0]).toMatchObject({ status: 'resolved', outcome: 'hide' });

    const item = await app.request('GET', `/v1/admin/moderation/queue/${itemId}`, auth(mod));
    expect(item.body).toMatchObject({ status: 'resolved', resolution: 'hide', decision: { id: decided.body.id } });
    const audit = await app.request('GET', `/v1/admin/audit-log?targetId=${message.id}`, { token: adminToken });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actorId: mod.user.id,
      action: 'trust-safety.moderation.hide',
      reason: 'Targeted insult',
    });
  });

  it('is idempotent: acting twice, or two moderators at once, decides once', async () => {
    const [reporter, target, other] = [
      await registerUser(app),
      await registerUser(app),
      await moderator(app, adminToken),
    ];
    const itemId = await itemFor(reporter, { type: 'user', id: target.user.id });
    const [first, second] = await Promise.all([
      act(itemId, { action: 'warn', reason: 'Be kind' }),
      act(itemId, { action: 'ban', reason: 'Different idea' }, other),
    ]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const again = await act(itemId, { action: 'warn', reason: 'Be kind' });
    expect(again.body.id).toBe(first.body.id);
    expect(await outboxEventIds(app, 'trust-safety.moderation-decided.v1', { targetId: target.user.id })).toHaveLength(
      1,
    );
    const audit = await app.request('GET', `/v1/admin/audit-log?targetId=${target.user.id}`, { token: adminToken });
    expect(audit.body.items).toHaveLength(1);
    const decided = first.body.action as string;
    expect((await standingOf(target.user.id)).banned).toBe(decided === 'ban');
  });

  it('refuses actions that do not fit the item, with a clear 4xx', async () => {
    const [reporter, target] = [await registerUser(app), await registerUser(app)];
    const itemId = await itemFor(reporter, { type: 'user', id: target.user.id });
    const hideAUser = await act(itemId, { action: 'hide', reason: 'nope' });
    expect(hideAUser.status).toBe(422);
    expect(hideAUser.body.code).toBe('trust-safety.action.not-applicable');
    expect((await act(itemId, { action: 'timeout', reason: 'no length' })).status).toBe(422);
    expect((await act(itemId, { action: 'obliterate', reason: 'x' })).status).toBe(400);
    expect((await act(itemId, { action: 'warn' })).status).toBe(400);
    expect((await act('018f0000-0000-7000-8000-000000000000', { action: 'warn', reason: 'gone' })).status).toBe(404);
  });

  it('times an account out, and repeat offenders are timed out automatically', async () => {
    const [reporter, muted, repeat] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const timed = await act(await itemFor(reporter, { type: 'user', id: muted.user.id }), {
      action: 'timeout',
      reason: 'Cool down',
      hours: 6,
    });
    expect(timed.status).toBe(200);
    const standing = await standingOf(muted.user.id);
    expect(new Date(standing.mutedUntil!).getTime()).toBeGreaterThan(Date.now() + 5.9 * 3_600_000);
    expect(standing).toMatchObject({ suspended: false, banned: false });

    const [other] = [await registerUser(app)];
    const firstWarning = await act(await itemFor(reporter, { type: 'user', id: repeat.user.id }), {
      action: 'warn',
      reason: 'First',
    });
    expect(firstWarning.body.escalation).toBeNull();
    expect((await standingOf(repeat.user.id)).mutedUntil).toBeNull();
    const secondWarning = await act(await itemFor(other, { type: 'user', id: repeat.user.id }, 'spam'), {
      action: 'warn',
      reason: 'Second',
    });
    // TRUST_SAFETY_ESCALATION_VIOLATIONS=2: the second confirmed violation brings a 12-hour timeout.
    expect(secondWarning.body.escalation).toMatchObject({
      action: 'timeout',
      moderatorId: null,
      rule: 'escalation.repeat-offender',
    });
    const mutedUntil = new Date((await standingOf(repeat.user.id)).mutedUntil!).getTime();
    expect(mutedUntil).toBeGreaterThan(Date.now() + 11.9 * 3_600_000);
    expect(mutedUntil).toBeLessThan(Date.now() + 12.1 * 3_600_000);
  });

  it('suspends an account: its API writes are refused, reads and logging out still work', async () => {
    const [reporter, suspended, friend] = [await person(app), await person(app), await person(app)];
    const itemId = await itemFor(reporter, { type: 'user', id: suspended.user.id });
    expect((await act(itemId, { action: 'suspend', reason: 'Repeated abuse' })).status).toBe(200);
    expect(await standingOf(suspended.user.id)).toMatchObject({ suspended: true, banned: false });

    const write = await app.request('PATCH', '/v1/me', { ...auth(suspended), body: { displayName: 'Still here' } });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('trust-safety.account.suspended');
    const dm = await app.request('POST', `/v1/users/${friend.user.id}/messages`, {
      ...auth(suspended),
      body: { text: 'hi', clientMessageId: '018f0000-0000-7000-8000-0000000000aa' },
    });
    expect(dm.status).toBe(403);
    expect((await report(app, suspended, { type: 'user', id: friend.user.id })).status).toBe(403);
    expect((await app.request('GET', '/v1/me', auth(suspended))).status).toBe(200);
    expect((await app.request('POST', '/v1/auth/logout', auth(suspended))).status).toBe(204);
    // Other accounts are untouched.
    expect((await app.request('PATCH', '/v1/me', { ...auth(friend), body: { displayName: 'Fine' } })).status).toBe(200);
  });

  it('bans an account: its open socket is disconnected at once, its tokens stop working, and it cannot come back', async () => {
    const [reporter, banned] = [await registerUser(app), await registerUser(app)];
    const socket = await connectSocket(app, { token: banned.tokens.accessToken });
    try {
      const revoked = nextEvent(socket, 'auth:revoked');
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const itemId = await itemFor(reporter, { type: 'user', id: banned.user.id });
      expect((await act(itemId, { action: 'ban', reason: 'Threats', rule: 'violence.threat' })).status).toBe(200);
      expect(await revoked).toEqual({ code: 'auth.session-revoked' });
      await disconnected;
    } finally {
      socket.close();
    }
    expect((await app.request('GET', '/v1/me', auth(banned))).status).toBe(401);
    const refresh = await app.request('POST', '/v1/auth/refresh', {
      body: { refreshToken: banned.tokens.refreshToken },
    });
    expect(refresh.status).toBe(401);
    const login = await app.request('POST', '/v1/auth/login', {
      body: { email: banned.user.email, password: banned.password },
    });
    const after = await app.request('GET', '/v1/me', { token: login.body.tokens?.accessToken });
    expect(after.status).toBe(403);
    expect(after.body.code).toBe('trust-safety.account.banned');
    expect(await standingOf(banned.user.id)).toMatchObject({ banned: true });
    await eventually(async () => {
      const audit = await app.request(
        'GET',
        `/v1/admin/audit-log?action=trust-safety.moderation.ban&targetId=${banned.user.id}`,
        {
          token: adminToken,
        },
      );
      expect(audit.body.items).toHaveLength(1);
    });
  });
});
