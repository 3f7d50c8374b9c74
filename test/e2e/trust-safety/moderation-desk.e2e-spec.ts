import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/platform';
import { outboxEventIds, type TestApp, eventually } from '@lib/platform/testing';
import { ContentScreening } from '@lib/trust-safety/contracts';
import { VerifyAuditChain } from '@lib/trust-safety';
import { auth, person, sendTo, ask, collect, follow, newClientMessageId } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import {
  registerUser,
  startShowrunner,
  type RegisteredUser,
  connectSocket,
  nextEvent,
} from '../../support/showrunner.js';

// One app for every describe below: each used to boot its own, and a boot costs seconds of CPU per file.
// Together they register more people from 127.0.0.1 than the default hourly limit allows.
let app: TestApp;
beforeAll(async () => {
  app = await startShowrunner({
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    REGISTRATIONS_PER_IP_PER_HOUR: '200',
  });
}, 120_000);
afterAll(() => app?.close());

describe('trust & safety: reports and the review queue', () => {
  let adminToken: string;
  let mod: RegisteredUser;

  beforeAll(async () => {
    adminToken = await logInAdmin(app);
    mod = await moderator(app, adminToken);
  });

  const queue = (query = '') => app.request('GET', `/v1/admin/moderation/queue${query}`, auth(mod));
  const itemOn = async (targetId: string) =>
    ((await queue('?limit=100')).body.items as any[]).find((item) => item.target.id === targetId);

  it('takes a report on a user, groups reports per target, and updates a repeated report instead of adding one', async () => {
    const [troll, ana, ben] = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const first = await report(app, ana, { type: 'user', id: troll.user.id }, 'spam');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ target: { type: 'user', id: troll.user.id }, category: 'spam', status: 'open' });

    const again = await report(app, ana, { type: 'user', id: troll.user.id }, 'harassment', { details: 'worse now' });
    expect(again.body.id).toBe(first.body.id);
    expect(again.body).toMatchObject({ category: 'harassment', details: 'worse now' });
    await report(app, ben, { type: 'user', id: troll.user.id }, 'harassment');

    const item = await itemOn(troll.user.id);
    expect(item).toMatchObject({ kind: 'report', reportCount: 2, category: 'harassment', status: 'open' });
    expect(item.subjectUserId).toBe(troll.user.id);
    // Fresh accounts weigh half: two of them sum to 1.
    expect(item.reporterWeight).toBeCloseTo(1);
    expect(new Date(item.dueAt).getTime() - new Date(item.createdAt).getTime()).toBe(24 * 3_600_000);

    const history = await app.request('GET', '/v1/reports', auth(ana));
    expect(history.body.items.map((r: any) => r.id)).toEqual([first.body.id]);
    // The reporter's own history shows nothing about other reporters.
    expect(JSON.stringify(history.body)).not.toContain(ben.user.id);
  });

  it('answers 404 for targets that do not exist or that the reporter cannot see', async () => {
    const [ana, ben, eve] = [await person(app), await person(app), await registerUser(app)];
    const missing = await report(app, eve, { type: 'user', id: '018f0000-0000-7000-8000-000000000000' });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('trust-safety.report.target-not-found');
    expect((await report(app, eve, { type: 'video', id: 'not-a-uuid' })).status).toBe(404);
    expect((await report(app, eve, { type: 'channel', id: '018f0000-0000-7000-8000-000000000000' })).status).toBe(404);

    const message = await sendTo(app, ana, ben, 'a private word');
    // Eve is not in Ana and Ben's conversation: the message does not exist for her.
    const snooping = await report(app, eve, { type: 'message', id: message.id });
    expect(snooping.status).toBe(404);
    expect(snooping.body.code).toBe('trust-safety.report.target-not-found');
    // Nor may she cite it as evidence against someone she can see.
    const evidence = await report(app, eve, { type: 'user', id: ana.user.id }, 'harassment', {
      evidence: { messageIds: [message.id] },
    });
    expect(evidence.status).toBe(400);
    expect(evidence.body.code).toBe('trust-safety.report.evidence-invalid');
    // Ben can: he is in the conversation.
    const fromBen = await report(app, ben, { type: 'message', id: message.id }, 'harassment');
    expect(fromBen.status).toBe(200);
    expect((await itemOn(message.id)).subjectUserId).toBe(ana.user.id);

    const self = await report(app, ana, { type: 'user', id: ana.user.id });
    expect(self.status).toBe(422);
    const badCategory = await report(app, ana, { type: 'user', id: ben.user.id }, 'boredom');
    expect(badCategory.status).toBe(400);
    const badType = await report(app, ana, { type: 'planet', id: ben.user.id });
    expect(badType.status).toBe(400);
  });

  it('rate limits a flood of reports from one reporter, and counts one report per reporter per target', async () => {
    const [flooder, target] = [await registerUser(app), await registerUser(app)];
    const answers = [];
    for (let i = 0; i < 22; i += 1)
      answers.push((await report(app, flooder, { type: 'user', id: target.user.id })).status);
    expect(answers.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(answers.slice(20)).toEqual([429, 429]);
    const limited = await report(app, flooder, { type: 'user', id: target.user.id });
    expect(limited.body.code).toBe('trust-safety.report.rate-limited');
    expect((await itemOn(target.user.id)).reportCount).toBe(1);
  });

  it('orders by severity × reporter weight × recency, filters, and pages with a stable cursor', async () => {
    const reporters = [await registerUser(app), await registerUser(app), await registerUser(app)];
    const [spammer, threatener, crowdTarget] = [
      await registerUser(app),
      await registerUser(app),
      await registerUser(app),
    ];
    await report(app, reporters[0], { type: 'user', id: spammer.user.id }, 'spam');
    await report(app, reporters[0], { type: 'user', id: threatener.user.id }, 'violence');
    for (const reporter of reporters)
      await report(app, reporter, { type: 'user', id: crowdTarget.user.id }, 'harassment');

    const { items } = (await queue('?limit=100')).body;
    const rank = (id: string) => items.findIndex((item: any) => item.target.id === id);
    // harassment (3) × 1.5 > violence (4) × 0.5 > spam (1) × 0.5
    expect(rank(crowdTarget.user.id)).toBeLessThan(rank(threatener.user.id));
    expect(rank(threatener.user.id)).toBeLessThan(rank(spammer.user.id));
    const violent = items[rank(threatener.user.id)];
    expect(new Date(violent.dueAt).getTime() - new Date(violent.createdAt).getTime()).toBe(4 * 3_600_000);
    const priorities = items.map((item: any) => item.priority);
    expect([...priorities].sort((a, b) => b - a)).toEqual(priorities);

    const filtered = await queue('?category=violence');
    expect(filtered.body.items.every((item: any) => item.category === 'violence')).toBe(true);
    expect(filtered.body.breachedCount).toBe(0);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queue(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: any) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((item: any) => item.id));
    expect((await queue('?cursor=bm9wZQ')).status).toBe(400);
    expect((await queue('?claimedBy=someone')).status).toBe(400);
  });

  it('lets a moderator claim, assign and release an item; another moderator cannot take it over', async () => {
    const [other, reporter, target] = [
      await moderator(app, adminToken),
      await registerUser(app),
      await registerUser(app),
    ];
    await report(app, reporter, { type: 'user', id: target.user.id });
    const item = await itemOn(target.user.id);

    const claimed = await app.request('POST', `/v1/admin/moderation/queue/${item.id}/claim`, auth(mod));
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).toBe(mod.user.id);
    const mine = await queue('?claimedBy=me');
    expect(mine.body.items.map((i: any) => i.id)).toContain(item.id);

    const stolen = await app.request('POST', `/v1/admin/moderation/queue/${item.id}/claim`, auth(other));
    expect(stolen.status).toBe(409);
    expect(stolen.body.code).toBe('trust-safety.review-item.claimed');
    expect((await app.request('POST', `/v1/admin/moderation/queue/${item.id}/release`, auth(other))).status).toBe(409);

    const assigned = await app.request('POST', `/v1/admin/moderation/queue/${item.id}/claim`, {
      ...auth(mod),
      body: { assigneeId: other.user.id },
    });
    expect(assigned.body.claimedBy).toBe(other.user.id);
    const released = await app.request('POST', `/v1/admin/moderation/queue/${item.id}/release`, auth(other));
    expect(released.status).toBe(200);
    expect(released.body.claimedBy).toBeNull();

    const detail = await app.request('GET', `/v1/admin/moderation/queue/${item.id}`, auth(mod));
    expect(detail.body.reports).toHaveLength(1);
    expect(detail.body.reports[0].reporterId).toBe(reporter.user.id);
    expect(
      (await app.request('GET', '/v1/admin/moderation/queue/018f0000-0000-7000-8000-000000000000', auth(mod))).status,
    ).toBe(404);
  });

  it('refuses every moderator route to members (403) and to anonymous callers (401)', async () => {
    const member = await registerUser(app);
    const id = '018f0000-0000-7000-8000-000000000000';
    const routes: Array<[string, string]> = [
      ['GET', '/v1/admin/moderation/queue'],
      ['GET', `/v1/admin/moderation/queue/${id}`],
      ['POST', `/v1/admin/moderation/queue/${id}/claim`],
      ['POST', `/v1/admin/moderation/queue/${id}/release`],
      ['POST', `/v1/admin/moderation/queue/${id}/actions`],
      ['GET', '/v1/admin/audit-log'],
    ];
    for (const [method, path] of routes) {
      const body = method === 'POST' ? { action: 'ban', reason: 'because' } : undefined;
      const answer = await app.request(method, path, { ...auth(member), body });
      expect([path, answer.status, answer.body.code]).toEqual([path, 403, 'auth.role-required']);
      expect((await app.request(method, path, { body })).status).toBe(401);
    }
    // Moderators do not read the audit log: it is for admins.
    expect((await app.request('GET', '/v1/admin/audit-log', auth(mod))).status).toBe(403);
  });

  it('queues held content from screening (kind screening), and a moderator approves it', async () => {
    const content = { type: 'message' as const, id: randomUUID() };
    const authorId = randomUUID();
    // As engagement calls the port: inside the unit of work that stores the message.
    const verdict = await RequestContext.create(app.app.get(MikroORM).em, () =>
      app.app
        .get(UnitOfWork)
        .transactional(() =>
          app.app.get(ContentScreening).screen({ surface: 'message', authorId, text: 'what the fuck', content }),
        ),
    );
    expect(verdict.action).toBe('hold');

    const held = (await queue('?kind=screening&limit=100')).body.items.find((i: any) => i.target.id === content.id);
    expect(held).toMatchObject({
      kind: 'screening',
      category: 'message.profanity',
      subjectUserId: authorId,
      target: content,
      status: 'open',
    });
    expect(new Date(held.dueAt).getTime() - new Date(held.createdAt).getTime()).toBe(4 * 3_600_000);

    const approved = await app.request('POST', `/v1/admin/moderation/queue/${held.id}/actions`, {
      ...auth(mod),
      body: { action: 'approve', reason: 'Banter between friends' },
    });
    expect(approved.status).toBe(200);
    expect(
      await outboxEventIds(app, 'trust-safety.content-actioned.v1', {
        contentType: 'message',
        contentId: content.id,
        action: 'approve',
      }),
    ).toHaveLength(1);
    expect((await queue('?kind=screening&limit=100')).body.items.map((i: any) => i.id)).not.toContain(held.id);
  });
});

describe('trust & safety: the live review queue over Socket.IO, and bulk actions', () => {
  let mod: RegisteredUser;

  beforeAll(async () => {
    mod = await moderator(app, await logInAdmin(app));
  });

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

/** The moderation policy through the admin API: moderators read and try it, admins edit it. */
describe('the moderation policy over HTTP', () => {
  let admin: string;
  let moderator: string;
  let member: RegisteredUser;

  const login = async (email: string, password: string) => {
    const answer = await app.request('POST', '/v1/auth/login', { body: { email, password } });
    expect(answer.status).toBe(200);
    return answer.body.tokens.accessToken as string;
  };

  beforeAll(async () => {
    admin = await login(ADMIN.email, ADMIN.password);
    const promoted = await registerUser(app);
    const grant = await app.request('PATCH', `/v1/admin/users/${promoted.user.id}/roles`, {
      token: admin,
      body: { roles: ['moderator'] },
    });
    expect(grant.status).toBe(200);
    moderator = await login(promoted.user.email, promoted.password);
    member = await registerUser(app);
  });

  it('shows moderators the default policy as version 1, and nobody else', async () => {
    const answer = await app.request('GET', '/v1/admin/moderation/policy', { token: moderator });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ version: 1, editedBy: null, links: { allow: [], deny: [] } });
    expect(answer.body.surfaces.message).toContainEqual({ signal: 'slur', action: 'refuse', atLeast: 1 });
    const refused = await app.request('GET', '/v1/admin/moderation/policy', { token: member.tokens.accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.role-required');
  });

  it('lets only admins edit it: a moderator gets 403', async () => {
    const answer = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: moderator,
      body: { surfaces: {} },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('auth.role-required');
  });

  it('refuses an edit naming an unknown signal, surface or action, listing each, and keeps the policy', async () => {
    const answer = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: admin,
      body: {
        surfaces: {
          message: [{ signal: 'bad-vibes', action: 'hold' }],
          'smoke-signals': [],
          comment: [{ signal: 'spam', action: 'shadowban' }],
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.code).toBe('trust-safety.policy.invalid');
    expect(answer.body.problems.map((p: { field: string; code: string }) => `${p.field} ${p.code}`)).toEqual([
      'surfaces.message[0].signal unknown-signal',
      'surfaces.smoke-signals unknown-surface',
      'surfaces.comment[0].action unknown-action',
    ]);
    const missing = await app.request('PUT', '/v1/admin/moderation/policy', { token: admin, body: { links: {} } });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation.failed');
    const current = await app.request('GET', '/v1/admin/moderation/policy', { token: admin });
    expect(current.body.version).toBe(1);
  });

  it('saves an edit as the next version, in force at once for the dry run', async () => {
    const before = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'deals at bit.ly/deal' },
    });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ action: 'allow', policyVersion: 1 });

    const saved = await app.request('PUT', '/v1/admin/moderation/policy', {
      token: admin,
      body: {
        surfaces: {
          message: [
            { signal: 'denied-link', action: 'refuse' },
            { signal: 'link', action: 'flag' },
          ],
        },
        links: { allow: ['youtube.com'], deny: ['bit.ly'] },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, links: { allow: ['youtube.com'], deny: ['bit.ly'] } });

    const after = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'deals at bit.ly/deal' },
    });
    expect(after.body).toMatchObject({
      action: 'refuse',
      rule: 'message.denied-link',
      policyVersion: 2,
      signals: [{ signal: 'denied-link', score: 1, detail: 'bit.ly' }],
    });
    const allowed = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'watch https://www.youtube.com/watch?v=1' },
    });
    expect(allowed.body.action).toBe('allow');
  });

  it('answers an oversized dry run with a clear 400, and refuses members', async () => {
    const oversized = await app.request('POST', '/v1/admin/moderation/screen', {
      token: moderator,
      body: { surface: 'message', text: 'x'.repeat(20_001) },
    });
    expect(oversized.status).toBe(400);
    expect(oversized.body.code).toBe('trust-safety.text.too-long');
    const member403 = await app.request('POST', '/v1/admin/moderation/screen', {
      token: member.tokens.accessToken,
      body: { surface: 'message', text: 'hello' },
    });
    expect(member403.status).toBe(403);
  });

  it('documents the routes in OpenAPI', async () => {
    const docs = await app.request('GET', '/docs-json');
    expect(Object.keys(docs.body.paths['/v1/admin/moderation/policy'])).toEqual(['get', 'put']);
    expect(docs.body.paths['/v1/admin/moderation/screen'].post).toBeDefined();
  });
});

describe('trust & safety: the append-only, hash-chained audit log', () => {
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    adminToken = await logInAdmin(app);
    adminId = (await app.request('GET', '/v1/me', { token: adminToken })).body.id;
  });

  const sql = <T = any>(text: string, params: unknown[] = []) =>
    app.app.get(MikroORM).em.fork().execute<T[]>(text, params);
  /** What `npm run cli -- trust:verify-audit` runs. */
  const verify = () => RequestContext.create(app.app.get(MikroORM).em, () => app.app.get(VerifyAuditChain).run());
  const auditLog = (query = '') => app.request('GET', `/v1/admin/audit-log${query}`, { token: adminToken });

  it('records admin actions from other contexts: role changes and plan archiving', async () => {
    const user = await registerUser(app);
    await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
      token: adminToken,
      body: { roles: ['creator'] },
    });
    const roles = await auditLog(`?targetId=${user.user.id}`);
    expect(roles.body.items).toHaveLength(1);
    expect(roles.body.items[0]).toMatchObject({
      actorId: adminId,
      action: 'identity.roles.changed',
      target: { type: 'user', id: user.user.id },
      data: { before: ['member'], after: ['member', 'creator'] },
    });

    const plans = await app.request('GET', '/v1/admin/billing/plans', { token: adminToken });
    const paid = plans.body.find((plan: any) => plan.id !== 'free');
    expect(
      (await app.request('POST', `/v1/admin/billing/plans/${paid.id}/archive`, { token: adminToken })).status,
    ).toBe(200);
    expect(
      (await app.request('POST', `/v1/admin/billing/plans/${paid.id}/unarchive`, { token: adminToken })).status,
    ).toBe(200);
    const archiving = await auditLog(`?targetType=plan&targetId=${paid.id}`);
    expect(archiving.body.items.map((entry: any) => entry.action)).toEqual([
      'billing.plan.unarchived',
      'billing.plan.archived',
    ]);

    // Each entry carries the hash of the one before it.
    const all = (await auditLog('?limit=100')).body.items;
    for (let i = 0; i < all.length - 1; i += 1) expect(all[i].previousHash).toBe(all[i + 1].hash);
  });

  it('filters by actor, action and time, and pages newest first', async () => {
    for (let i = 0; i < 3; i += 1) {
      const user = await registerUser(app);
      await app.request('PATCH', `/v1/admin/users/${user.user.id}/roles`, {
        token: adminToken,
        body: { roles: ['moderator'] },
      });
    }
    const byAction = await auditLog('?action=identity.roles.changed&limit=2');
    expect(byAction.body.items).toHaveLength(2);
    const next = await auditLog(`?action=identity.roles.changed&limit=2&cursor=${byAction.body.nextCursor}`);
    expect(next.body.items[0].seq).toBeLessThan(byAction.body.items[1].seq);
    expect((await auditLog(`?actorId=${adminId}`)).body.items.length).toBeGreaterThanOrEqual(4);
    expect((await auditLog('?actorId=018f0000-0000-7000-8000-000000000000')).body.items).toEqual([]);
    expect((await auditLog(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).body.items).toEqual([]);
    expect((await auditLog('?cursor=bad')).status).toBe(400);
    expect((await auditLog('?from=yesterday')).status).toBe(400);
  });

  it('refuses updates and deletes in the database itself', async () => {
    await expect(sql(`update trust_safety.audit_log set reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(sql('delete from trust_safety.audit_log')).rejects.toThrow(/append-only/);
    await expect(sql('truncate trust_safety.audit_log')).rejects.toThrow(/append-only/);
  });

  it('verifies the chain, and finds an entry edited or deleted behind the trigger’s back', async () => {
    const intact = await verify();
    expect(intact.broken).toBeNull();
    expect(intact.checked).toBeGreaterThanOrEqual(6);

    const [victim] = await sql<{ seq: string; id: string }>(
      'select seq, id from trust_safety.audit_log order by seq limit 1 offset 2',
    );
    // A superuser can switch the trigger off; the chain still tells.
    await sql('alter table trust_safety.audit_log disable trigger audit_log_no_update_or_delete');
    await sql(`update trust_safety.audit_log set data = '{"after": ["admin"]}'::jsonb where seq = ?`, [victim.seq]);
    const edited = await verify();
    expect(edited.broken).toEqual({ seq: Number(victim.seq), id: victim.id, problem: 'hash-mismatch' });
    expect(edited.checked).toBe(2);

    await sql('delete from trust_safety.audit_log where seq = ?', [victim.seq]);
    const [successor] = await sql<{ seq: string }>(
      'select seq from trust_safety.audit_log where seq > ? order by seq limit 1',
      [victim.seq],
    );
    const deleted = await verify();
    expect(deleted.broken).toMatchObject({ seq: Number(successor.seq), problem: 'previous-hash-mismatch' });
    await sql('alter table trust_safety.audit_log enable trigger audit_log_no_update_or_delete');
  });
});
