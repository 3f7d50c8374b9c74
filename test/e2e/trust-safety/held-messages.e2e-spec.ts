import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Socket } from 'socket.io-client';
import { eventually, type TestApp } from '@lib/platform/testing';
import type { ContentAction } from '@lib/trust-safety/contracts';
import { auth, collect, follow, newClientMessageId, person } from '../../support/messaging.js';
import { connectSocket, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

/** Direct messages pass trust & safety's screening; held ones wait for a moderator's decision. */
describe('screened direct messages', () => {
  let app: TestApp;
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
    app = await startShowrunner();
    orm = app.app.get(MikroORM);
    [ana, ben] = await Promise.all([person(app), person(app)]);
    await follow(app, ben, ana);
    anaSocket = await connectSocket(app, auth(ana));
    benSocket = await connectSocket(app, auth(ben));
  });
  afterAll(async () => {
    anaSocket.close();
    benSocket.close();
    await app.close();
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
