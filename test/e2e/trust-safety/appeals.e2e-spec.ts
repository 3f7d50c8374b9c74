import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { eventsConsumed, eventually, outboxEventIds, type TestApp } from '@lib/platform/testing';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { ask, auth, collect, follow, newClientMessageId, sendTo } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import { connectSocket, startShowrunner, TEST_PASSWORD, type RegisteredUser } from '../../support/showrunner.js';

/** Appeals against moderation decisions, lifting sanctions, and the moderation statistics (issue 12). */
describe('trust & safety: appeals, lifting sanctions, statistics', () => {
  let app: TestApp;
  let orm: MikroORM;
  let adminToken: string;
  /** Makes the decisions that get appealed. */
  let actingMod: RegisteredUser;
  /** Decides the appeals. */
  let reviewingMod: RegisteredUser;

  beforeAll(async () => {
    // Callers are told apart by X-Forwarded-For, so each account registers from its own address.
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: 'true' });
    orm = app.app.get(MikroORM);
    adminToken = await logInAdmin(app);
    actingMod = await moderator(app, adminToken);
    reviewingMod = await moderator(app, adminToken);
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  /** Registration is limited per IP (20 an hour): each account here comes from its own address. */
  async function registerUser(): Promise<RegisteredUser> {
    const tag = randomBytes(4).toString('hex');
    const answer = await app.request('POST', '/v1/auth/register', {
      headers: { 'x-forwarded-for': `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0] || 1}` },
      body: {
        email: `appeal-${tag}@example.com`,
        handle: `appeal_${tag}`,
        displayName: `A ${tag}`,
        password: TEST_PASSWORD,
      },
    });
    if (answer.status !== 201) throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { ...answer.body, password: TEST_PASSWORD };
  }
  /** A registered user engagement already knows (its directory is fed by identity's events). */
  async function person(): Promise<RegisteredUser> {
    const user = await registerUser();
    await eventually(async () =>
      expect((await app.request('GET', `/v1/users/${user.user.id}/followers`, auth(user))).status).toBe(200),
    );
    return user;
  }
  const sql = <T = any>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);
  const standingOf = (userId: string) => app.app.get(AccountStandings).standingOf(userId);
  const act = (itemId: string, body: Record<string, unknown>, as = actingMod) =>
    app.request('POST', `/v1/admin/moderation/queue/${itemId}/actions`, { ...auth(as), body });
  const appeal = (as: RegisteredUser, decisionId: string, text = 'I did nothing wrong, please look again') =>
    app.request('POST', '/v1/appeals', { ...auth(as), body: { decisionId, text } });
  const decideAppeal = (appealId: string, outcome: 'uphold' | 'deny', as = reviewingMod, reason = 'Looked again') =>
    app.request('POST', `/v1/admin/moderation/appeals/${appealId}/decision`, {
      ...auth(as),
      body: { outcome, reason },
    });
  const stats = async () => (await app.request('GET', '/v1/admin/moderation/stats', auth(reviewingMod))).body;

  /** Reports a user and returns its queue item's id. */
  async function itemForUser(target: RegisteredUser, category = 'harassment') {
    const reporter = await registerUser();
    expect((await report(app, reporter, { type: 'user', id: target.user.id }, category)).status).toBe(200);
    const page = await app.request('GET', `/v1/admin/moderation/queue?kind=report&limit=100`, auth(actingMod));
    return (page.body.items as any[]).find((item) => item.target.id === target.user.id).id as string;
  }
  /** A decision by the acting moderator on a reported account. */
  async function decisionOn(target: RegisteredUser, body: Record<string, unknown>) {
    const decided = await act(await itemForUser(target), { reason: 'Reviewed', ...body });
    expect(decided.status).toBe(200);
    return decided.body.id as string;
  }

  it('done when: a held direct message, hidden by one moderator, is restored by another on appeal — live, end to end', async () => {
    const [ana, ben] = [await person(), await person()];
    await follow(app, ben, ana);
    const benSocket = await connectSocket(app, auth(ben));
    const modSocket = await connectSocket(app, auth(reviewingMod));
    try {
      expect(await ask(modSocket, 'moderation:subscribe')).toEqual({ room: 'moderation:queue' });
      const queuePushes = collect(modSocket, 'moderation:item');
      const toBen = collect(benSocket, 'message:new');

      const held = await app.request('POST', `/v1/users/${ben.user.id}/messages`, {
        ...auth(ana),
        body: { text: 'you are a f u c k i n g legend', clientMessageId: newClientMessageId() },
      });
      expect(held.body.held).toBe(true);
      const screening = await app.request(
        'GET',
        '/v1/admin/moderation/queue?kind=screening&limit=100',
        auth(actingMod),
      );
      const item = (screening.body.items as any[]).find((i) => i.target.id === held.body.id);
      const hidden = await act(item.id, { action: 'hide', reason: 'Profanity', rule: 'message.profanity' });
      expect(hidden.status).toBe(200);

      // Ana learns of the decision with the appeal path, and appeals through it.
      await eventsConsumed(app, 'engagement.notify-moderation-decision', {
        type: 'trust-safety.moderation-decided.v1',
        payload: { decisionId: hidden.body.id },
      });
      const notes = await app.request('GET', '/v1/notifications', auth(ana));
      const note = (notes.body.items as any[]).find((n) => n.type === 'moderation.decision');
      const decisionId = new URLSearchParams(String(note.data.appealPath).split('?')[1]).get('decisionId')!;
      expect(decisionId).toBe(hidden.body.id);
      const filed = await appeal(ana, decisionId, 'It was praise, spelled out for emphasis.');
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({
        decisionId,
        status: 'open',
        decision: { action: 'hide', targetType: 'message', targetId: held.body.id },
      });

      // Moderators watching the queue see the appeal at once, and it is in the one queue.
      await eventually(() =>
        expect(queuePushes.find((p) => p.kind === 'appeal' && p.target.id === filed.body.id)).toMatchObject({
          status: 'open',
          subjectUserId: ana.user.id,
          category: 'appeal.hide',
          target: { type: 'appeal', id: filed.body.id },
        }),
      );
      const queue = await app.request('GET', '/v1/admin/moderation/queue?kind=appeal&limit=100', auth(reviewingMod));
      const appealItem = (queue.body.items as any[]).find((i) => i.target.id === filed.body.id);
      expect(appealItem).toMatchObject({ kind: 'appeal', status: 'open' });
      // The appeal item is decided through the appeal route, never as a content action.
      const wrongRoute = await act(appealItem.id, { action: 'restore', reason: 'Reversing' }, reviewingMod);
      expect(wrongRoute.status).toBe(422);
      expect(wrongRoute.body.code).toBe('trust-safety.action.not-applicable');

      // The moderator who hid it may not judge the appeal.
      const own = await decideAppeal(filed.body.id, 'uphold', actingMod);
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('trust-safety.appeal.same-moderator');

      const detail = await app.request('GET', `/v1/admin/moderation/appeals/${filed.body.id}`, auth(reviewingMod));
      expect(detail.body).toMatchObject({
        appellantId: ana.user.id,
        originalModeratorId: actingMod.user.id,
        itemId: appealItem.id,
        text: 'It was praise, spelled out for emphasis.',
      });

      const upheld = await decideAppeal(filed.body.id, 'uphold', reviewingMod, 'Not directed at anyone');
      expect(upheld.status).toBe(200);
      expect(upheld.body).toMatchObject({ status: 'upheld', decidedBy: reviewingMod.user.id });
      await eventually(() =>
        expect(queuePushes.filter((p) => p.id === appealItem.id).at(-1)).toMatchObject({
          status: 'resolved',
          resolution: 'appeal.upheld',
        }),
      );

      // The message is restored by its owner: Ben receives it now.
      await eventually(() => expect(toBen.map((m) => m.id)).toContain(held.body.id), { timeoutMs: 30_000 });
      const benView = await app.request('GET', `/v1/conversations/${held.body.conversationId}/messages`, auth(ben));
      expect(benView.body.items.map((m: any) => m.id)).toContain(held.body.id);
      expect(
        await outboxEventIds(app, 'trust-safety.content-actioned.v1', {
          decisionId: filed.body.id,
          contentId: held.body.id,
          action: 'restore',
        }),
      ).toHaveLength(1);

      // Ana is told, and sees the outcome in her appeals.
      await eventsConsumed(app, 'engagement.notify-moderation-decision', {
        type: 'trust-safety.moderation-decided.v1',
        payload: { appeal: { appealId: filed.body.id } },
      });
      await eventually(async () => {
        const after = await app.request('GET', '/v1/notifications', auth(ana));
        expect((after.body.items as any[]).find((n) => n.data?.role === 'appellant')?.data).toMatchObject({
          outcome: 'upheld',
          appealId: filed.body.id,
          reason: 'Not directed at anyone',
        });
      });
      const mine = await app.request('GET', '/v1/appeals', auth(ana));
      expect(mine.body.items).toEqual([
        expect.objectContaining({ id: filed.body.id, status: 'upheld', outcomeReason: 'Not directed at anyone' }),
      ]);
      expect(JSON.stringify(mine.body)).not.toContain(reviewingMod.user.id);

      // Deciding again changes nothing: same outcome, no second restore.
      const again = await decideAppeal(filed.body.id, 'deny');
      expect(again.body).toMatchObject({ status: 'upheld', outcomeReason: 'Not directed at anyone' });
      expect(await outboxEventIds(app, 'trust-safety.content-actioned.v1', { decisionId: filed.body.id })).toHaveLength(
        1,
      );

      const audit = await app.request('GET', `/v1/admin/audit-log?targetId=${filed.body.id}`, { token: adminToken });
      expect((audit.body.items as any[]).map((e) => e.action).sort()).toEqual([
        'trust-safety.appeal.filed',
        'trust-safety.appeal.upheld',
      ]);
    } finally {
      benSocket.close();
      modSocket.close();
    }
  }, 120_000);

  it('an upheld appeal against a timeout lifts it and tells other contexts; a denied one keeps it', async () => {
    const [muted, other] = [await registerUser(), await registerUser()];
    const decisionId = await decisionOn(muted, { action: 'timeout', hours: 6 });
    expect((await standingOf(muted.user.id)).mutedUntil).not.toBeNull();
    // Exactly the longest text allowed.
    const filed = await appeal(muted, decisionId, 'x'.repeat(2_000));
    expect(filed.status).toBe(201);
    expect((await decideAppeal(filed.body.id, 'uphold')).body.status).toBe('upheld');
    expect((await standingOf(muted.user.id)).mutedUntil).toBeNull();
    expect(
      await outboxEventIds(app, 'trust-safety.account-sanction-changed.v1', {
        userId: muted.user.id,
        sanction: 'timeout',
        change: 'lifted',
      }),
    ).toHaveLength(1);
    // The upheld appeal gives back the violation's weight in the appellant's trust score.
    await eventually(async () =>
      expect(
        (await app.request('GET', `/v1/admin/moderation/accounts/${muted.user.id}`, { token: adminToken })).body.trust
          .inputs,
      ).toMatchObject({ confirmedViolations: 1, upheldAppeals: 1 }),
    );

    const otherDecision = await decisionOn(other, { action: 'timeout', hours: 6 });
    const denied = await decideAppeal((await appeal(other, otherDecision)).body.id, 'deny');
    expect(denied.body.status).toBe('denied');
    expect((await standingOf(other.user.id)).mutedUntil).not.toBeNull();
    // The timeout itself was announced (imposed); a denied appeal announces no lifting.
    expect(
      await outboxEventIds(app, 'trust-safety.account-sanction-changed.v1', {
        userId: other.user.id,
        change: 'lifted',
      }),
    ).toEqual([]);
  }, 120_000);

  it('a banned account can still appeal its ban (and nothing else); upheld, it is back', async () => {
    const banned = await registerUser();
    const decisionId = await decisionOn(banned, { action: 'ban' });
    const login = await app.request('POST', '/v1/auth/login', {
      body: { email: banned.user.email, password: banned.password },
    });
    const again = { token: login.body.tokens.accessToken as string };
    expect((await app.request('GET', '/v1/me', again)).body.code).toBe('trust-safety.account.banned');
    const filed = await app.request('POST', '/v1/appeals', {
      ...again,
      body: { decisionId, text: 'That was my brother on my laptop' },
    });
    expect(filed.status).toBe(201);
    const listed = await app.request('GET', '/v1/appeals', again);
    expect(listed.body).toMatchObject({ items: [expect.objectContaining({ id: filed.body.id })] });

    expect((await decideAppeal(filed.body.id, 'uphold')).body.status).toBe('upheld');
    expect(await standingOf(banned.user.id)).toMatchObject({ banned: false });
    expect((await app.request('GET', '/v1/me', again)).status).toBe(200);
    expect(
      await outboxEventIds(app, 'trust-safety.account-sanction-changed.v1', {
        userId: banned.user.id,
        sanction: 'ban',
        change: 'lifted',
      }),
    ).toHaveLength(1);
  }, 120_000);

  it('refuses appeals outside the rules, each with its code', async () => {
    const [subject, stranger] = [await registerUser(), await registerUser()];
    const decisionId = await decisionOn(subject, { action: 'warn' });

    // Someone else's decision, and one that does not exist, answer alike.
    const notMine = await appeal(stranger, decisionId);
    expect(notMine.status).toBe(404);
    expect(notMine.body.code).toBe('trust-safety.appeal.decision-not-found');
    expect((await appeal(stranger, randomUUID())).body.code).toBe('trust-safety.appeal.decision-not-found');

    const tooLong = await appeal(subject, decisionId, 'x'.repeat(2_001));
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLong.body).toMatchObject({ code: 'trust-safety.appeal.text-too-long', maxLength: 2_000 });
    expect((await appeal(subject, decisionId, '   ')).body.code).toBe('trust-safety.appeal.text-missing');
    expect((await appeal(subject, 'not-a-decision')).status).toBe(400);

    const first = await appeal(subject, decisionId);
    expect(first.status).toBe(201);
    const second = await appeal(subject, decisionId, 'Please, once more');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'trust-safety.appeal.already-filed', appealId: first.body.id });

    // Two appeals racing on one decision: the decision's row lock files one, refuses the other.
    const raced = await decisionOn(subject, { action: 'warn' });
    const racing = await Promise.all([appeal(subject, raced, 'first'), appeal(subject, raced, 'second')]);
    expect(racing.map((answer) => answer.status).sort()).toEqual([201, 409]);

    // A decision 21 days old is past the 20-day window; one 19 days old is not.
    const old = await decisionOn(subject, { action: 'warn' });
    await sql(`update trust_safety.decisions set created_at = now() - interval '21 days' where id = ?`, [old]);
    const late = await appeal(subject, old);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('trust-safety.appeal.window-closed');
    const recent = await decisionOn(subject, { action: 'warn' });
    await sql(`update trust_safety.decisions set created_at = now() - interval '19 days' where id = ?`, [recent]);
    expect((await appeal(subject, recent)).status).toBe(201);

    // A dismissal found nothing against the person: nothing to appeal.
    const dismissed = await decisionOn(stranger, { action: 'dismiss' });
    const nothing = await appeal(stranger, dismissed);
    expect(nothing.status).toBe(422);
    expect(nothing.body.code).toBe('trust-safety.appeal.not-appealable');
    expect(
      (await sql(`select count(*)::int as n from trust_safety.appeals where appellant_id = ?`, [stranger.user.id]))[0]
        .n,
    ).toBe(0);
  }, 120_000);

  it('keeps members off the moderator routes (403)', async () => {
    const member = await registerUser();
    const id = randomUUID();
    const calls = [
      app.request('GET', `/v1/admin/moderation/appeals/${id}`, auth(member)),
      app.request('POST', `/v1/admin/moderation/appeals/${id}/decision`, {
        ...auth(member),
        body: { outcome: 'uphold', reason: 'me' },
      }),
      app.request('POST', `/v1/admin/moderation/accounts/${member.user.id}/lift`, {
        ...auth(member),
        body: { sanction: 'timeout', reason: 'me' },
      }),
      app.request('GET', '/v1/admin/moderation/stats', auth(member)),
    ];
    for (const answer of await Promise.all(calls)) expect(answer.status).toBe(403);
    const unknown = await app.request('GET', `/v1/admin/moderation/appeals/${id}`, auth(reviewingMod));
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('trust-safety.appeal.not-found');
  });

  it('lifts a suspension in force by a moderator: writes work again, the audit log and other contexts hear of it', async () => {
    const suspended = await registerUser();
    await decisionOn(suspended, { action: 'suspend' });
    const refused = await app.request('PATCH', '/v1/me', { ...auth(suspended), body: { displayName: 'Back' } });
    expect(refused.body.code).toBe('trust-safety.account.suspended');

    const lift = (sanction: string) =>
      app.request('POST', `/v1/admin/moderation/accounts/${suspended.user.id}/lift`, {
        ...auth(reviewingMod),
        body: { sanction, reason: 'Served long enough' },
      });
    const lifted = await lift('suspension');
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({
      userId: suspended.user.id,
      sanction: 'suspension',
      liftedBy: reviewingMod.user.id,
    });
    expect(await standingOf(suspended.user.id)).toMatchObject({ suspended: false });
    expect((await app.request('PATCH', '/v1/me', { ...auth(suspended), body: { displayName: 'Back' } })).status).toBe(
      200,
    );
    expect(
      await outboxEventIds(app, 'trust-safety.account-sanction-changed.v1', {
        userId: suspended.user.id,
        sanction: 'suspension',
        change: 'lifted',
      }),
    ).toHaveLength(1);
    const audit = await app.request(
      'GET',
      `/v1/admin/audit-log?action=trust-safety.sanction.lifted&targetId=${suspended.user.id}`,
      { token: adminToken },
    );
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actorId: reviewingMod.user.id, reason: 'Served long enough' }),
    ]);

    const twice = await lift('suspension');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('trust-safety.sanction.not-in-force');
    expect((await lift('probation')).status).toBe(400);
  });

  it('counts the queue, actions, reports, appeals and the spam model’s live precision from moderators’ decisions', async () => {
    const before = await stats();
    expect(before.openItems.byKind).toEqual(
      expect.objectContaining({ report: expect.any(Number), appeal: expect.any(Number) }),
    );

    // Two texts the spam rule held (as screening records them), then decided by a moderator each way.
    const [spammer, reader] = [await person(), await person()];
    const spamItems: string[] = [];
    for (const text of ['cheap pills, click now', 'see you at the screening']) {
      const message = await sendTo(app, spammer, reader, text);
      await sql(
        `insert into trust_safety.screenings (id, content_type, content_id, author_id, surface, action, rule, signals,
                policy_version, spam_model_version, text, status, created_at)
         values (?, 'message', ?, ?, 'message', 'hold', 'message.spam', ?::jsonb, 1, 'nb-test', ?, 'pending', now())`,
        [randomUUID(), message.id, spammer.user.id, JSON.stringify([{ signal: 'spam', score: 0.97 }]), text],
      );
      const itemId = randomUUID();
      await sql(
        `insert into trust_safety.review_items (id, kind, target_type, target_id, subject_user_id, category, severity,
                reporter_weight, report_count, status, due_at, created_at, last_activity_at)
         values (?, 'screening', 'message', ?, ?, 'message.spam', 2, 1, 0, 'open', now() + interval '4 hours', now(), now())`,
        [itemId, message.id, spammer.user.id],
      );
      spamItems.push(itemId);
    }
    expect((await act(spamItems[0], { action: 'remove', reason: 'Spam' })).status).toBe(200);
    expect((await act(spamItems[1], { action: 'approve', reason: 'Fine' })).status).toBe(200);
    // Acting again is idempotent and labels nothing twice.
    await act(spamItems[0], { action: 'remove', reason: 'Spam' });
    const labels = await sql(
      `select text, is_spam, flagged_by_model from trust_safety.spam_examples where decided_by = ? order by is_spam desc`,
      [actingMod.user.id],
    );
    expect(labels).toEqual([
      { text: 'cheap pills, click now', is_spam: true, flagged_by_model: true },
      { text: 'see you at the screening', is_spam: false, flagged_by_model: true },
    ]);

    // An open appeal, and one denied.
    const [a, b] = [await registerUser(), await registerUser()];
    await appeal(a, await decisionOn(a, { action: 'warn' }));
    await decideAppeal((await appeal(b, await decisionOn(b, { action: 'warn' }))).body.id, 'deny');

    const after = await stats();
    expect(after.windowDays).toBe(30);
    expect(after.spamModel.labelled - before.spamModel.labelled).toBe(2);
    expect(after.spamModel.confirmedSpam - before.spamModel.confirmedSpam).toBe(1);
    expect(after.spamModel.livePrecision).toBeCloseTo(after.spamModel.confirmedSpam / after.spamModel.labelled, 4);
    expect(after.appeals.open - before.appeals.open).toBe(1);
    expect(after.appeals.denied - before.appeals.denied).toBe(1);
    expect(after.appeals.overturnRate).toBeCloseTo(after.appeals.upheld / after.appeals.decided, 4);
    expect(after.openItems.byKind.appeal - before.openItems.byKind.appeal).toBe(1);
    expect(after.actionsByType.warn - (before.actionsByType.warn ?? 0)).toBe(2);
    expect(after.actionsByType.remove - (before.actionsByType.remove ?? 0)).toBe(1);
    expect(after.reportsByCategory.harassment - (before.reportsByCategory.harassment ?? 0)).toBe(2);
    expect(after.medianSecondsToFirstAction).toBeGreaterThanOrEqual(0);
    expect(after.slaBreaches).toEqual({ open: expect.any(Number), resolvedLate: expect.any(Number) });

    // One overdue item counts as a breach.
    await sql(
      `update trust_safety.review_items set due_at = now() - interval '1 hour' where kind = 'appeal' and subject_user_id = ?`,
      [a.user.id],
    );
    expect((await stats()).slaBreaches.open).toBeGreaterThan(after.slaBreaches.open);
    expect((await app.request('GET', '/v1/admin/moderation/stats?days=0', auth(reviewingMod))).status).toBe(400);
  }, 120_000);
});
