import {
  eventually,
  startSmtpServer,
  type ReceivedMail,
  type TestApp,
  type TestSmtpServer,
} from '@lib/platform/testing';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { auth, follow, newClientMessageId, person } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import { startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

function bodyOf(mail: ReceivedMail): string {
  return mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('trust & safety: trust scores, levels and level gates', () => {
  let app: TestApp;
  let smtp: TestSmtpServer;
  let adminToken: string;
  let mod: RegisteredUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await startShowrunner({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      MAIL_URL: smtp.url(),
      APP_URL: 'https://app.example.test',
      // The harness turns the level-0 gates off for everyone else's fresh accounts; this suite tests them.
      TRUST_SAFETY_NEW_ACCOUNT_GATES: 'true',
    });
    adminToken = await logInAdmin(app);
    mod = await moderator(app, adminToken);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await smtp.close();
  });

  const account = (userId: string, as: RegisteredUser = mod) =>
    app.request('GET', `/v1/admin/moderation/accounts/${userId}`, auth(as));
  const standingOf = (userId: string) => app.app.get(AccountStandings).standingOf(userId);

  /** Follows the verification link mailed at registration. */
  async function verifyEmail(user: RegisteredUser): Promise<void> {
    let token = '';
    await eventually(async () => {
      const mail = smtp.received.find(
        (m) => m.rcptTo.includes(user.user.email) && bodyOf(m).includes('/verify-email?token='),
      );
      expect(mail).toBeDefined();
      token = /\/verify-email\?token=([^\s]+)/.exec(bodyOf(mail!))![1]!;
    });
    expect((await app.request('POST', '/v1/auth/verify-email', { body: { token } })).status).toBe(200);
  }

  async function trustOf(userId: string, expected: Record<string, unknown>) {
    let trust: any;
    await eventually(async () => {
      const answer = await account(userId);
      expect(answer.status).toBe(200);
      expect(answer.body.trust).toMatchObject(expected);
      trust = answer.body.trust;
    });
    return trust;
  }

  /** `reporter` reports a fresh account; the moderator decides the item. */
  async function judgedReport(reporter: RegisteredUser, action: 'dismiss' | 'warn') {
    const target = await person(app);
    expect((await report(app, reporter, { type: 'user', id: target.user.id })).status).toBe(200);
    const page = await app.request('GET', '/v1/admin/moderation/queue?limit=100', auth(mod));
    const itemId = (page.body.items as any[]).find((item) => item.target.id === target.user.id).id as string;
    const decided = await app.request('POST', `/v1/admin/moderation/queue/${itemId}/actions`, {
      ...auth(mod),
      body: { action, reason: 'judged in a test' },
    });
    expect(decided.status).toBe(200);
  }

  it('computes levels from events: a verified e-mail promotes, rejected reports demote only past the demotion threshold (hysteresis)', async () => {
    const ria = await person(app);
    const fresh = await trustOf(ria.user.id, { level: 0, computedLevel: 0, pin: null });
    expect(fresh.inputs).toMatchObject({ emailVerified: false, confirmedViolations: 0, upheldAppeals: 0 });
    expect(fresh.score).toBeLessThan(1);
    expect((await standingOf(ria.user.id)).limits).toEqual({
      maxMentions: 2,
      mayPostLinks: false,
      mayMessageNonFollowers: false,
    });

    await verifyEmail(ria);
    await trustOf(ria.user.id, { level: 1, inputs: expect.objectContaining({ emailVerified: true }) });
    expect((await standingOf(ria.user.id)).trustLevel).toBe(1);

    // 20 points at level 1: two rejected reports (−6) and an accepted one (+2) keep it at level 1…
    await judgedReport(ria, 'dismiss');
    await judgedReport(ria, 'dismiss');
    await judgedReport(ria, 'warn');
    await judgedReport(ria, 'dismiss');
    const hovering = await trustOf(ria.user.id, {
      level: 1,
      inputs: expect.objectContaining({ rejectedReports: 3, acceptedReports: 1 }),
    });
    // …at a score that would not have promoted it: 13 < 20, still above the demotion line of 12.
    expect(hovering.score).toBeGreaterThanOrEqual(12);
    expect(hovering.score).toBeLessThan(20);

    await judgedReport(ria, 'dismiss');
    const demoted = await trustOf(ria.user.id, { level: 0, inputs: expect.objectContaining({ rejectedReports: 4 }) });
    expect(demoted.score).toBeLessThan(12);
    // One accepted report brings the score back to where level 1 was kept, but not to the promotion line.
    await judgedReport(ria, 'warn');
    const after = await trustOf(ria.user.id, { inputs: expect.objectContaining({ acceptedReports: 2 }) });
    expect(after.score).toBeGreaterThanOrEqual(hovering.score - 1);
    expect(after.level).toBe(0);
  }, 120_000);

  it('counts followers from distinct established accounts only, and confirmed violations against the account', async () => {
    const [star, newcomer, regular] = [await person(app), await person(app), await person(app)];
    await verifyEmail(regular);
    await trustOf(regular.user.id, { level: 1 });
    await follow(app, newcomer, star);
    await follow(app, regular, star);
    await trustOf(star.user.id, { inputs: expect.objectContaining({ establishedFollowers: 1 }) });
    await app.request('DELETE', `/v1/creators/${star.user.id}/follow`, auth(regular));
    await trustOf(star.user.id, { inputs: expect.objectContaining({ establishedFollowers: 0 }) });

    const reporter = await person(app);
    expect((await report(app, reporter, { type: 'user', id: star.user.id })).status).toBe(200);
    const page = await app.request('GET', '/v1/admin/moderation/queue?limit=100', auth(mod));
    const itemId = (page.body.items as any[]).find((item) => item.target.id === star.user.id).id as string;
    await app.request('POST', `/v1/admin/moderation/queue/${itemId}/actions`, {
      ...auth(mod),
      body: { action: 'warn', reason: 'first warning' },
    });
    await trustOf(star.user.id, { score: 0, inputs: expect.objectContaining({ confirmedViolations: 1 }) });
  }, 90_000);

  it('lets a moderator pin a level (which wins until removed, weighs reports more) and refuses bad pins', async () => {
    const [pia, member] = [await person(app), await person(app)];
    const pinned = await app.request('PUT', `/v1/admin/moderation/accounts/${pia.user.id}/trust`, {
      ...auth(mod),
      body: { level: 3, reason: 'Known journalist' },
    });
    expect(pinned.status).toBe(200);
    expect(pinned.body.trust).toMatchObject({
      computedLevel: 0,
      level: 3,
      pin: { level: 3, pinnedBy: mod.user.id, reason: 'Known journalist' },
      limits: { maxMentions: 20, mayPostLinks: true, mayMessageNonFollowers: true },
    });
    expect(pinned.body.sanctions).toEqual({ mutedUntil: null, suspendedAt: null, bannedAt: null });
    expect((await standingOf(pia.user.id)).trustLevel).toBe(3);

    // A report from a trusted account weighs 0.5 + 0.5 × 3.
    const target = await person(app);
    expect((await report(app, pia, { type: 'user', id: target.user.id })).status).toBe(200);
    const queue = await app.request('GET', '/v1/admin/moderation/queue?limit=100', auth(mod));
    expect((queue.body.items as any[]).find((item) => item.target.id === target.user.id).reporterWeight).toBe(2);

    const audit = await app.request('GET', `/v1/admin/audit-log?targetId=${pia.user.id}`, { token: adminToken });
    expect(audit.body.items[0]).toMatchObject({
      actorId: mod.user.id,
      action: 'trust-safety.trust.pinned',
      reason: 'Known journalist',
    });

    const unpinned = await app.request('DELETE', `/v1/admin/moderation/accounts/${pia.user.id}/trust`, auth(mod));
    expect(unpinned.status).toBe(200);
    expect(unpinned.body.trust).toMatchObject({ level: 0, pin: null });
    expect((await standingOf(pia.user.id)).trustLevel).toBe(0);
    expect((await app.request('DELETE', `/v1/admin/moderation/accounts/${pia.user.id}/trust`, auth(mod))).status).toBe(
      200,
    );

    const pin = (body: unknown, as: RegisteredUser = mod, userId = pia.user.id) =>
      app.request('PUT', `/v1/admin/moderation/accounts/${userId}/trust`, { ...auth(as), body });
    expect((await pin({ level: 3, reason: 'myself' }, member)).body.code).toBe('auth.role-required');
    expect((await account(pia.user.id, member)).status).toBe(403);
    expect((await pin({ level: 7, reason: 'too high' })).status).toBe(400);
    expect((await pin({ level: 2 })).status).toBe(400);
    expect((await pin({ level: 2, reason: 'ok', extra: true })).status).toBe(400);
    const unknown = await pin({ level: 2, reason: 'nobody' }, mod, '018f0000-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('trust-safety.account.not-found');
    expect((await account('not-a-uuid')).status).toBe(400);
  }, 60_000);

  describe('level-0 gates', () => {
    const send = (from: RegisteredUser, to: RegisteredUser, text: string) =>
      app.request('POST', `/v1/users/${to.user.id}/messages`, {
        ...auth(from),
        body: { text, clientMessageId: newClientMessageId() },
      });

    it('refuses a message to someone who does not follow a new account, until they follow it or the level rises', async () => {
      const [newbie, stranger, fan] = [await person(app), await person(app), await person(app)];
      const refused = await send(newbie, stranger, 'hello there');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('engagement.message.recipient-not-following');

      await follow(app, fan, newbie);
      expect((await send(newbie, fan, 'thanks for following')).status).toBe(201);

      await app.request('PUT', `/v1/admin/moderation/accounts/${newbie.user.id}/trust`, {
        ...auth(mod),
        body: { level: 1, reason: 'vouched for' },
      });
      expect((await send(newbie, stranger, 'hello again')).status).toBe(201);
    }, 60_000);

    it('refuses links and more than two mentions from a new account; a higher level may post them', async () => {
      const [newbie, fan] = [await person(app), await person(app)];
      await follow(app, fan, newbie);
      const link = await send(newbie, fan, 'see www.example.org/offer for more');
      expect(link.status).toBe(422);
      expect(link.body).toMatchObject({ code: 'trust-safety.content.refused', rule: 'message.trust-level.link' });
      const mentions = await send(newbie, fan, 'hey @ann @bob @cleo look');
      expect(mentions.status).toBe(422);
      expect(mentions.body).toMatchObject({
        code: 'trust-safety.content.refused',
        rule: 'message.trust-level.mentions',
      });
      expect((await send(newbie, fan, 'hey @ann @bob look')).status).toBe(201);

      await app.request('PUT', `/v1/admin/moderation/accounts/${newbie.user.id}/trust`, {
        ...auth(mod),
        body: { level: 1, reason: 'vouched for' },
      });
      expect((await send(newbie, fan, 'see www.example.org/offer for more')).status).toBe(201);
      expect((await send(newbie, fan, 'hey @ann @bob @cleo look')).status).toBe(201);
    }, 60_000);
  });
});
