import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/platform';
import { outboxEventIds, type TestApp } from '@lib/platform/testing';
import { ContentScreening } from '@lib/trust-safety/contracts';
import { auth, person, sendTo } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import { registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('trust & safety: reports and the review queue', () => {
  let app: TestApp;
  let adminToken: string;
  let mod: RegisteredUser;

  beforeAll(async () => {
    app = await startShowrunner({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    adminToken = await logInAdmin(app);
    mod = await moderator(app, adminToken);
  });
  afterAll(() => app.close());

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
