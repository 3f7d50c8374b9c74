import { randomUUID } from 'node:crypto';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io-client';
import { UnitOfWork } from '@lib/platform';
import { AppConfig } from '@config';
import { POLICY_CACHE_MS } from '../../../libs/trust-safety/src/application/policy/current-policy.js';
import {
  ContentRefusedError,
  ContentScreening,
  type ScreeningRequest,
  type ContentAction,
} from '@lib/trust-safety/contracts';
import { eventually, type TestApp } from '@lib/platform/testing';
import { startShowrunner, connectSocket, type RegisteredUser, registerUser } from '../../support/showrunner.js';
import { auth, collect, follow, newClientMessageId, person } from '../../support/messaging.js';

// One app for every describe below: each used to boot its own, and a boot costs seconds of CPU per file.
let app: TestApp;
beforeAll(async () => {
  app = await startShowrunner();
}, 120_000);
afterAll(() => app?.close());

/** The screening port as other contexts call it, on the real database and Redis. */
describe('screening user-written text', () => {
  let screening: ContentScreening;
  let unitOfWork: UnitOfWork;
  let orm: MikroORM;

  const inRequest = <T>(work: () => Promise<T>) => RequestContext.create(orm.em, work);
  const screeningsOf = (contentId: string) =>
    orm.em
      .fork()
      .execute<{ status: string; action: string; rule: string; policy_version: number; text: string }[]>(
        'select status, action, rule, policy_version, text from trust_safety.screenings where content_id = ?',
        [contentId],
      );
  const message = (text: string, authorId = randomUUID()): ScreeningRequest & { content: { id: string } } => ({
    surface: 'message',
    authorId,
    text,
    content: { type: 'message', id: randomUUID() },
  });

  beforeAll(async () => {
    screening = app.app.get(ContentScreening);
    unitOfWork = app.app.get(UnitOfWork);
    orm = app.app.get(MikroORM);
  });

  it('allows an ordinary message and records nothing', async () => {
    const request = message('See you at the premiere tonight!');
    const verdict = await inRequest(() => screening.screen(request));
    expect(verdict).toEqual({ action: 'allow', rule: null, signals: [], policyVersion: 1, spamModelVersion: null });
    expect(await screeningsOf(request.content.id)).toEqual([]);
  });

  it('holds a profane message and queues it for review with the content it was written in', async () => {
    const request = message('you are a f u c k i n g clown');
    const verdict = await inRequest(() => unitOfWork.transactional(() => screening.screen(request)));
    expect(verdict).toMatchObject({ action: 'hold', rule: 'message.profanity', policyVersion: 1 });
    expect(verdict.signals).toEqual([{ signal: 'profanity', score: 1, detail: 'fuck' }]);
    expect(await screeningsOf(request.content.id)).toEqual([
      { status: 'pending', action: 'hold', rule: 'message.profanity', policy_version: 1, text: request.text },
    ]);
  });

  it('keeps no review item for content whose own transaction rolls back', async () => {
    const request = message('sh1t happens');
    await expect(
      inRequest(() =>
        unitOfWork.transactional(async () => {
          await screening.screen(request);
          throw new Error('the message could not be stored');
        }),
      ),
    ).rejects.toThrow('could not be stored');
    expect(await screeningsOf(request.content.id)).toEqual([]);
  });

  it('refuses a slur, and keeps the refusal on record although the caller rolls back', async () => {
    const request = message('n1gg3r');
    const refusal = await inRequest(() => unitOfWork.transactional(() => screening.screen(request))).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(ContentRefusedError);
    expect((refusal as ContentRefusedError).details).toEqual({
      surface: 'message',
      rule: 'message.slur',
      signals: ['slur'],
    });
    expect(await screeningsOf(request.content.id)).toMatchObject([{ status: 'refused', action: 'refuse' }]);
  });

  it('holds the same text once its author floods it, counting only what was really posted', async () => {
    const authorId = randomUUID();
    const text = 'Check my channel for free giveaways';
    // Dry runs count nothing.
    for (let i = 0; i < 5; i += 1) await inRequest(() => screening.check(message(text, authorId)));
    const actions: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      actions.push((await inRequest(() => screening.screen(message(`${text}!`.toUpperCase(), authorId)))).action);
    }
    expect(actions).toEqual(['allow', 'allow', 'allow', 'hold']);
    // Another author posting the same text is not flooding.
    expect((await inRequest(() => screening.screen(message(text)))).action).toBe('allow');
  });

  it('screens inside writes that hold every pooled connection, also when the cached policy has expired', async () => {
    await new Promise((resolve) => setTimeout(resolve, POLICY_CACHE_MS + 200));
    // As many writes as the pool has connections, each holding one in its transaction while its text is screened:
    // waiting there for the policy's reload (which needs a connection of its own) froze them all for good.
    const writes = Array.from({ length: app.app.get(AppConfig).database.poolMax }, () =>
      inRequest(() => unitOfWork.transactional(() => screening.screen(message('See you at the premiere tonight!')))),
    );
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<'stalled'>((resolve) => (timer = setTimeout(() => resolve('stalled'), 10_000)));
    const verdicts = await Promise.race([Promise.all(writes), stalled]).finally(() => clearTimeout(timer));
    expect(verdicts).not.toBe('stalled');
    expect((verdicts as { action: ContentAction }[]).map((verdict) => verdict.action)).toEqual(
      writes.map(() => 'allow'),
    );
  }, 30_000);

  it('refuses an oversized text with a clear error before looking at it', async () => {
    const refusal = await inRequest(() => screening.check(message('a'.repeat(20_001)))).catch(
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code: 'trust-safety.text.too-long', kind: 'invalid' });
  });
});

/** Direct messages pass trust & safety's screening; held ones wait for a moderator's decision. */
describe('screened direct messages', () => {
  let orm: MikroORM;
  let ana: RegisteredUser;
  let ben: RegisteredUser;
  let anaSocket: Socket;
  let benSocket: Socket;

  const send = (text: string) =>
    app.request('POST', `/v1/users/${ben.user.id}/messages`, {
      ...auth(ana),
      body: { text, clientMessageId: newClientMessageId() },
    });
  const messagesSeenBy = async (user: RegisteredUser, conversationId: string) =>
    (await app.request('GET', `/v1/conversations/${conversationId}/messages`, auth(user))).body.items as {
      id: string;
      text: string | null;
      held: boolean;
      deletedAt: string | null;
    }[];
  /** What the moderation side publishes once a moderator decides (through the real outbox and relay). */
  const decide = (messageId: string, action: ContentAction) =>
    orm.em.fork().execute(
      `insert into platform.outbox (id, type, payload, aggregate_id, aggregate_version, occurred_at)
       values (?, 'trust-safety.content-actioned.v1', ?::jsonb, null, null, now())`,
      [
        randomUUID(),
        JSON.stringify({
          decisionId: randomUUID(),
          contentType: 'message',
          contentId: messageId,
          action,
          rule: 'message.profanity',
          reason: 'reviewed',
          decidedAt: new Date().toISOString(),
        }),
      ],
    );

  beforeAll(async () => {
    orm = app.app.get(MikroORM);
    [ana, ben] = await Promise.all([person(app), person(app)]);
    await follow(app, ben, ana);
    anaSocket = await connectSocket(app, auth(ana));
    benSocket = await connectSocket(app, auth(ben));
  });
  afterAll(async () => {
    anaSocket.close();
    benSocket.close();
  });

  it('holds a profane message: its sender sees it, the recipient does not until a moderator approves it', async () => {
    const toAna = collect(anaSocket, 'message:new');
    const toBen = collect(benSocket, 'message:new');
    const held = await send('you are a f u c k i n g legend');
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ held: true, text: 'you are a f u c k i n g legend' });
    const { id, conversationId } = held.body as { id: string; conversationId: string };

    // A later ordinary message reaches Ben; the held one never did.
    const ordinary = await send('see you at the premiere');
    await eventually(() => expect(toBen.map((m) => m.id)).toEqual([ordinary.body.id]));
    await eventually(() => expect(toAna.map((m) => m.id)).toEqual([id, ordinary.body.id]));
    expect((await messagesSeenBy(ana, conversationId)).map((m) => m.id)).toEqual([id, ordinary.body.id]);
    expect((await messagesSeenBy(ben, conversationId)).map((m) => m.id)).toEqual([ordinary.body.id]);
    const benInbox = await app.request('GET', `/v1/conversations/${conversationId}`, auth(ben));
    expect(benInbox.body.unread).toBe(1);

    const [screening] = await orm.em
      .fork()
      .execute(`select status, action, rule from trust_safety.screenings where content_id = ?`, [id]);
    expect(screening).toEqual({ status: 'pending', action: 'hold', rule: 'message.profanity' });

    await decide(id, 'approve');
    await eventually(() => expect(toBen.map((m) => m.id)).toEqual([ordinary.body.id, id]));
    expect(toBen[1]).toMatchObject({ held: false, text: 'you are a f u c k i n g legend' });
    const seen = await messagesSeenBy(ben, conversationId);
    expect(seen.map((m) => m.id)).toEqual([id, ordinary.body.id]);
    // A client catching up after the last sequence it saw gets the released message.
    const caughtUp = await app.request(
      'GET',
      `/v1/conversations/${conversationId}/messages?after=${ordinary.body.seq}`,
      auth(ben),
    );
    expect(caughtUp.body.items.map((m: { id: string }) => m.id)).toEqual([id]);
  });

  it('removes a held message on the decision: a tombstone for its sender, nothing ever for the recipient', async () => {
    const toBen = collect(benSocket, 'message:new');
    const deletedForAna = collect(anaSocket, 'message:deleted');
    const held = await send('what a sh1t show');
    expect(held.body.held).toBe(true);
    await decide(held.body.id, 'remove');
    await eventually(() => expect(deletedForAna.map((m) => m.id)).toEqual([held.body.id]));
    const anaView = (await messagesSeenBy(ana, held.body.conversationId)).find((m) => m.id === held.body.id);
    expect(anaView).toMatchObject({ text: null, held: true });
    expect(anaView?.deletedAt).not.toBeNull();
    expect((await messagesSeenBy(ben, held.body.conversationId)).map((m) => m.id)).not.toContain(held.body.id);
    expect(toBen).toEqual([]);
  });

  it('refuses a slur with 422 and stores nothing', async () => {
    const refused = await send('you n1gg3r');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'trust-safety.content.refused',
      rule: 'message.slur',
      surface: 'message',
      signals: ['slur'],
    });
    const [{ count }] = await orm.em
      .fork()
      .execute<{ count: number }[]>(
        `select count(*)::int as count from engagement.messages where body like '%n1gg3r%'`,
      );
    expect(count).toBe(0);
  });

  it('holds an edit that turns a message profane, and tells the recipient it is gone for now', async () => {
    const sent = await send('lovely episode');
    const hidden = collect(benSocket, 'message:hidden');
    const edited = await app.request(
      'PATCH',
      `/v1/conversations/${sent.body.conversationId}/messages/${sent.body.id}`,
      {
        ...auth(ana),
        body: { text: 'lovely f*cking episode' },
      },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.held).toBe(true);
    await eventually(() => expect(hidden.map((m) => m.id)).toEqual([sent.body.id]));
    expect(hidden[0]).not.toHaveProperty('text');
    expect((await messagesSeenBy(ben, sent.body.conversationId)).map((m) => m.id)).not.toContain(sent.body.id);
  });
});

/** Identity's profile names and bios pass trust & safety's screening before anyone sees them. */
describe('screened profiles', () => {
  let user: RegisteredUser;
  const update = (body: Record<string, unknown>) =>
    app.request('PATCH', '/v1/me', { token: user.tokens.accessToken, body });
  const me = async () => (await app.request('GET', '/v1/me', { token: user.tokens.accessToken })).body;

  beforeAll(async () => {
    user = await registerUser(app, { displayName: 'Ada' });
  });

  it.each([
    ['leetspeak', 'Sh1tlord'],
    ['spaced out', 'f u c k face'],
    ['Unicode look-alikes', 'ｆｕｃｋ'],
    ['a link', 'Ada (visit cheap-pills.com)'],
  ])('refuses a display name with %s (422), keeping the old one', async (_how, displayName) => {
    const answer = await update({ displayName });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'trust-safety.content.refused', surface: 'profile.name' });
    expect(answer.body.rule).toMatch(/^profile\.name\.(profanity|link)$/);
    expect((await me()).displayName).toBe('Ada');
  });

  it('answers a bio the policy would hold like a refusal: the user sees at once it was not saved', async () => {
    await update({ bio: 'Making films since 2010' });
    const answer = await update({ bio: 'no bullsh1t, just films' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ rule: 'profile.bio.profanity', signals: ['profanity'] });
    expect((await me()).bio).toBe('Making films since 2010');
  });

  it('accepts an ordinary name and bio, and an unchanged one without screening it again', async () => {
    const answer = await update({ displayName: 'Ada Lovelace', bio: 'Notes on the analytical engine, Scunthorpe' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ displayName: 'Ada Lovelace' });
  });

  it('refuses an oversized bio with a clear 4xx, not a 500', async () => {
    const answer = await update({ bio: 'a'.repeat(30_000) });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
