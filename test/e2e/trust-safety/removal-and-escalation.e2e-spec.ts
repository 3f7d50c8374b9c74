import { randomBytes, randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { UnitOfWork } from '@lib/platform';
import { eventsConsumed, eventually, outboxEventIds, type TestApp } from '@lib/platform/testing';
import { AccountStandings } from '@lib/trust-safety/contracts';
import { DmcaDecisions } from '../../../libs/trust-safety/src/application/dmca/dmca-decisions.js';
import { auth, collect, follow, newClientMessageId } from '../../support/messaging.js';
import { ADMIN, logInAdmin, moderator, report } from '../../support/moderation.js';
import { connectSocket, startShowrunner, TEST_PASSWORD, type RegisteredUser } from '../../support/showrunner.js';

/**
 * Issue 12's remaining gaps: a removed direct message comes back on an upheld appeal (and no reader
 * shows it while removed); an overturned violation takes back the repeat-offender timeout it
 * triggered; DMCA takedowns do not count towards that timeout.
 */
describe('trust & safety: restoring removed messages, undoing escalations', () => {
  let app: TestApp;
  let orm: MikroORM;
  let actingMod: RegisteredUser;
  let reviewingMod: RegisteredUser;

  beforeAll(async () => {
    app = await startShowrunner({
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      TRUST_PROXY: 'true',
      TRUST_SAFETY_ESCALATION_VIOLATIONS: '2',
      TRUST_SAFETY_ESCALATION_TIMEOUT_HOURS: '12',
    });
    orm = app.app.get(MikroORM);
    const adminToken = await logInAdmin(app);
    actingMod = await moderator(app, adminToken);
    reviewingMod = await moderator(app, adminToken);
  }, 120_000);
  afterAll(() => app.close(), 120_000);

  /** Registration is limited per IP: each account comes from its own address. */
  async function person(): Promise<RegisteredUser> {
    const tag = randomBytes(4).toString('hex');
    const answer = await app.request('POST', '/v1/auth/register', {
      headers: { 'x-forwarded-for': `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0] || 1}` },
      body: { email: `gap-${tag}@example.com`, handle: `gap_${tag}`, displayName: `G ${tag}`, password: TEST_PASSWORD },
    });
    if (answer.status !== 201) throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const user = { ...answer.body, password: TEST_PASSWORD } as RegisteredUser;
    await eventually(async () =>
      expect((await app.request('GET', `/v1/users/${user.user.id}/followers`, auth(user))).status).toBe(200),
    );
    return user;
  }
  const sql = <T = any>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);
  const standingOf = (userId: string) => app.app.get(AccountStandings).standingOf(userId);
  const act = (itemId: string, body: Record<string, unknown>) =>
    app.request('POST', `/v1/admin/moderation/queue/${itemId}/actions`, { ...auth(actingMod), body });
  async function itemFor(reporter: RegisteredUser, target: { type: string; id: string }, category = 'harassment') {
    expect((await report(app, reporter, target, category)).status).toBe(200);
    const page = await app.request('GET', `/v1/admin/moderation/queue?kind=report&limit=100`, auth(actingMod));
    return (page.body.items as any[]).find((item) => item.target.id === target.id).id as string;
  }
  async function appealAndUphold(appellant: RegisteredUser, decisionId: string) {
    const filed = await app.request('POST', '/v1/appeals', {
      ...auth(appellant),
      body: { decisionId, text: 'Please look again' },
    });
    expect(filed.status).toBe(201);
    const upheld = await app.request('POST', `/v1/admin/moderation/appeals/${filed.body.id}/decision`, {
      ...auth(reviewingMod),
      body: { outcome: 'uphold', reason: 'Overturned' },
    });
    expect(upheld.body.status).toBe('upheld');
    return filed.body.id as string;
  }

  it('done when: a reported DM removed by a moderator reads as a tombstone everywhere, and an upheld appeal brings it back for both', async () => {
    const [ana, ben] = [await person(), await person()];
    await follow(app, ben, ana);
    const secret = `the rehearsal code is ${randomBytes(6).toString('hex')}`;
    const draft = `draft ${randomBytes(6).toString('hex')}`;
    const anaSocket = await connectSocket(app, auth(ana));
    const benSocket = await connectSocket(app, auth(ben));
    try {
      const sent = await app.request('POST', `/v1/users/${ben.user.id}/messages`, {
        ...auth(ana),
        body: { text: draft, clientMessageId: newClientMessageId() },
      });
      expect(sent.status).toBe(201);
      const { id, conversationId } = sent.body as { id: string; conversationId: string };
      const edited = await app.request('PATCH', `/v1/conversations/${conversationId}/messages/${id}`, {
        ...auth(ana),
        body: { text: secret },
      });
      expect(edited.status).toBe(200);
      const lastSeen = edited.body.revision as number;
      const deletedPushes = { ana: collect(anaSocket, 'message:deleted'), ben: collect(benSocket, 'message:deleted') };
      const updatedToBen = collect(benSocket, 'message:updated');

      const removed = await act(await itemFor(ben, { type: 'message', id }), { action: 'remove', reason: 'Doxxing' });
      expect(removed.status).toBe(200);
      await eventsConsumed(app, 'engagement.apply-moderation-to-message', {
        type: 'trust-safety.content-actioned.v1',
        payload: { contentId: id, action: 'remove' },
      });

      // Every reader of message texts, for both participants, shows a tombstone and nothing of either text.
      const readers = (user: RegisteredUser) => [
        app.request('GET', `/v1/conversations/${conversationId}/messages`, auth(user)),
        app.request('GET', `/v1/conversations/${conversationId}/messages?after=${lastSeen - 1}`, auth(user)),
        app.request('GET', `/v1/conversations/${conversationId}/messages/${id}/edits`, auth(user)),
        app.request('GET', `/v1/conversations/${conversationId}`, auth(user)),
        app.request('GET', '/v1/conversations', auth(user)),
        app.request('GET', '/v1/notifications', auth(user)),
      ];
      await eventually(() => expect(deletedPushes.ben.map((m) => m.id)).toContain(id));
      await eventually(() => expect(deletedPushes.ana.map((m) => m.id)).toContain(id));
      for (const user of [ana, ben]) {
        const answers = await Promise.all(readers(user));
        for (const answer of answers) expect(answer.status).toBe(200);
        const [history, catchUp, edits, summary] = answers.map((answer) => answer.body);
        expect(history.items.find((m: any) => m.id === id)).toMatchObject({
          text: null,
          deletedAt: expect.any(String),
        });
        expect(catchUp.items.find((m: any) => m.id === id)).toMatchObject({ text: null });
        expect(edits).toMatchObject({ items: [], current: { text: null } });
        expect(summary.lastMessage).toMatchObject({ id, text: null, deleted: true });
        const everything = JSON.stringify(answers.map((answer) => answer.body));
        expect(everything).not.toContain(secret);
        expect(everything).not.toContain(draft);
      }
      expect(JSON.stringify([...deletedPushes.ana, ...deletedPushes.ben])).not.toContain(secret);
      // The text is kept aside, never in the column readers show; the author cannot edit it back.
      expect(await sql('select body, removed_body from engagement.messages where id = ?', [id])).toEqual([
        { body: null, removed_body: secret },
      ]);
      const editBack = await app.request('PATCH', `/v1/conversations/${conversationId}/messages/${id}`, {
        ...auth(ana),
        body: { text: 'sneaking it back' },
      });
      expect(editBack.status).toBeGreaterThanOrEqual(400);
      // A removed message can no longer be reported (nobody can see it).
      const stranger = await report(app, ben, { type: 'message', id }, 'spam');
      expect(stranger.status).toBe(404);

      await appealAndUphold(ana, removed.body.id);
      await eventsConsumed(app, 'engagement.apply-moderation-to-message', {
        type: 'trust-safety.content-actioned.v1',
        payload: { contentId: id, action: 'restore' },
      });
      // Ben is told live (the text changed back from a tombstone) and both read it again, history included.
      await eventually(() =>
        expect(updatedToBen.find((m) => m.id === id)).toMatchObject({ text: secret, deletedAt: null }),
      );
      for (const user of [ana, ben]) {
        const history = await app.request('GET', `/v1/conversations/${conversationId}/messages`, auth(user));
        expect(history.body.items.find((m: any) => m.id === id)).toMatchObject({ text: secret, deletedAt: null });
        const changes = await app.request(
          'GET',
          `/v1/conversations/${conversationId}/messages?after=${lastSeen}`,
          auth(user),
        );
        expect(changes.body.items.map((m: any) => m.id)).toContain(id);
        const edits = await app.request('GET', `/v1/conversations/${conversationId}/messages/${id}/edits`, auth(user));
        expect(edits.body.items.map((e: any) => e.text)).toEqual([draft]);
        const summary = await app.request('GET', `/v1/conversations/${conversationId}`, auth(user));
        expect(summary.body.lastMessage).toMatchObject({ id, text: secret, deleted: false });
      }
      expect(await sql('select body, removed_body, removed_at from engagement.messages where id = ?', [id])).toEqual([
        { body: secret, removed_body: null, removed_at: null },
      ]);
    } finally {
      anaSocket.close();
      benSocket.close();
    }
  }, 120_000);

  it('an upheld appeal against the violation that tipped the count takes back the automatic timeout; the other one does not', async () => {
    const [reporter, other, repeat] = [await person(), await person(), await person()];
    const first = await act(await itemFor(reporter, { type: 'user', id: repeat.user.id }), {
      action: 'warn',
      reason: 'First',
    });
    expect(first.body.escalation).toBeNull();
    const second = await act(await itemFor(other, { type: 'user', id: repeat.user.id }, 'spam'), {
      action: 'warn',
      reason: 'Second',
    });
    expect(second.body.escalation).toMatchObject({ action: 'timeout', rule: 'escalation.repeat-offender' });
    expect((await standingOf(repeat.user.id)).mutedUntil).not.toBeNull();

    // Overturning the first warning leaves the timeout alone: the second one triggered it.
    await appealAndUphold(repeat, first.body.id);
    expect((await standingOf(repeat.user.id)).mutedUntil).not.toBeNull();

    const appealId = await appealAndUphold(repeat, second.body.id);
    expect((await standingOf(repeat.user.id)).mutedUntil).toBeNull();
    expect(
      await outboxEventIds(app, 'trust-safety.account-sanction-changed.v1', {
        userId: repeat.user.id,
        sanction: 'timeout',
        change: 'lifted',
      }),
    ).toHaveLength(1);
    expect(
      await sql('select sanction, appeal_id from trust_safety.sanction_lifts where user_id = ?', [repeat.user.id]),
    ).toEqual([{ sanction: 'timeout', appeal_id: appealId }]);

    // Both violations overturned: a new one alone is below the threshold again.
    const third = await act(await itemFor(await person(), { type: 'user', id: repeat.user.id }, 'hate'), {
      action: 'warn',
      reason: 'Third',
    });
    expect(third.body.escalation).toBeNull();
  }, 120_000);

  it('a DMCA takedown neither triggers nor counts towards the repeat-offender timeout', async () => {
    const [reporter, uploader] = [await person(), await person()];
    const warned = await act(await itemFor(reporter, { type: 'user', id: uploader.user.id }), {
      action: 'warn',
      reason: 'First',
    });
    expect(warned.body.escalation).toBeNull();
    const dmca = app.app.get(DmcaDecisions, { strict: false });
    for (let i = 0; i < 2; i++) {
      await app.app.get(UnitOfWork).transactional(() =>
        dmca.decide({
          action: 'remove',
          target: { type: 'video', id: randomUUID() },
          uploaderId: uploader.user.id,
          rule: 'dmca',
          reason: 'Copyright notice',
          at: new Date(),
        }),
      );
    }
    expect((await standingOf(uploader.user.id)).mutedUntil).toBeNull();
    expect(
      await sql(`select count(*)::int as n from trust_safety.decisions where subject_user_id = ? and rule = ?`, [
        uploader.user.id,
        'escalation.repeat-offender',
      ]),
    ).toEqual([{ n: 0 }]);

    // A second conduct violation does reach the threshold (two warnings, the takedowns not counted twice over).
    const again = await act(await itemFor(await person(), { type: 'user', id: uploader.user.id }, 'spam'), {
      action: 'warn',
      reason: 'Second',
    });
    expect(again.body.escalation).toMatchObject({ action: 'timeout' });
  }, 120_000);
});
