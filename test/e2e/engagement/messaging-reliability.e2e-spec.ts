import pg from 'pg';
import type { Socket } from 'socket.io-client';
import { eventually, startTestApp, type TestApp } from '@lib/platform/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';
import { ask, auth, collect, follow, newClientMessageId, person, sendTo } from '../../support/messaging.js';
import { connectSocket, nextEvent, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

interface Delivered {
  id: string;
  seq: number;
  revision: number;
  text: string | null;
}

describe('direct messages: reconnects and several API nodes', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  async function device(on: TestApp, user: RegisteredUser): Promise<Socket> {
    const socket = await connectSocket(on, auth(user));
    sockets.push(socket);
    return socket;
  }

  it('a client that drops mid-stream and reconnects gets every message exactly once, by catching up from its last sequence', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const { conversationId } = await sendTo(app, ana, ben, 'm1');
    const anaPhone = await device(app, ana);

    // Ben's client: applies pushes and catch-up pages into one store keyed by sequence.
    const store = new Map<number, Delivered>();
    const wire: number[] = []; // every seq the server handed this client, pushes and pages alike
    const apply = (message: Delivered) => {
      wire.push(message.seq);
      store.set(message.seq, message);
    };
    let benSocket = await device(app, ben);
    benSocket.on('message:new', apply);
    const lastSeen = () => Math.max(0, ...store.keys());
    for (const m of (await app.request('GET', `/v1/conversations/${conversationId}/messages`, auth(ben))).body.items)
      apply(m);

    let sent = 0;
    const sendMany = async (from: number, to: number) => {
      for (let i = from; i <= to; i += 1) {
        await ask(anaPhone, 'message:send', { conversationId, text: `m${i}`, clientMessageId: newClientMessageId() });
        sent = i;
      }
    };
    await sendMany(2, 10);
    await eventually(() => expect(lastSeen()).toBe(10));

    // The connection drops (no clean goodbye from the client's side), and Ana keeps writing.
    benSocket.io.engine.close();
    await eventually(() => expect(benSocket.connected).toBe(false));
    const sentWhileAway = sendMany(11, 20);

    // Ben comes back once some of those were accepted while he was away (the rest arrive during catch-up).
    await eventually(() => expect(sent).toBeGreaterThan(10));
    benSocket = await device(app, ben);
    const buffered: Delivered[] = [];
    benSocket.on('message:new', (m: Delivered) => buffered.push(m));
    // Catch-up: everything after the last sequence seen, page by page.
    let after = lastSeen();
    const fetched: number[] = [];
    for (;;) {
      const page = (
        await app.request('GET', `/v1/conversations/${conversationId}/messages?after=${after}&limit=4`, auth(ben))
      ).body;
      for (const m of page.items as Delivered[]) {
        fetched.push(m.seq);
        apply(m);
      }
      if (!page.hasMore) break;
      after = page.items.at(-1).revision;
    }
    await sentWhileAway;
    await sendMany(21, 25);
    // Pushes that arrived during catch-up are applied only if not already fetched.
    await eventually(() => expect(Math.max(...buffered.map((m) => m.seq))).toBe(25));
    for (const m of buffered) if (!store.has(m.seq)) apply(m);

    expect([...store.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(wire).toHaveLength(new Set(wire).size); // nothing applied twice
    expect(fetched.every((seq) => seq > 10)).toBe(true); // the catch-up never re-sends what was seen
    expect([...store.values()].map((m) => m.text)).toEqual(Array.from({ length: 25 }, (_, i) => `m${i + 1}`));
  });

  it('edits and deletions made while a client was away reach it through the same catch-up', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const first = await sendTo(app, ana, ben, 'draft');
    const second = await sendTo(app, ana, ben, 'oops');
    const seenUpTo = 2;
    await app.request('PATCH', `/v1/conversations/${first.conversationId}/messages/${first.id}`, {
      ...auth(ana),
      body: { text: 'final' },
    });
    await app.request('DELETE', `/v1/conversations/${first.conversationId}/messages/${second.id}`, auth(ana));
    const page = (
      await app.request('GET', `/v1/conversations/${first.conversationId}/messages?after=${seenUpTo}`, auth(ben))
    ).body;
    expect(page.items.map((m: Delivered) => [m.id, m.revision, m.text])).toEqual([
      [first.id, 3, 'final'],
      [second.id, 4, null],
    ]);
    expect(page.lastSeq).toBe(4);
  });

  it('delivers across two API nodes sharing Redis: messages, receipts and typing', async () => {
    const second = await startTestApp((config) => StandaloneModule.forRoot(config), {
      database: app.runtime.database,
      env: { REDIS_PREFIX: app.config.redis.prefix, SEARCH_INDEX_PREFIX: app.config.redis.prefix },
    });
    try {
      expect(second.url).not.toBe(app.url);
      const [ana, ben] = [await person(app), await person(app)];
      await follow(app, ben, ana);
      const anaOnFirst = await device(app, ana);
      const benOnSecond = await device(second, ben);

      const arrival = nextEvent(benOnSecond, 'message:new');
      const sent = await ask(anaOnFirst, 'message:send', {
        recipientId: ben.user.id,
        text: 'across nodes',
        clientMessageId: newClientMessageId(),
      });
      expect(await arrival).toEqual(sent.message);

      const typing = nextEvent(anaOnFirst, 'typing');
      await ask(benOnSecond, 'typing', { conversationId: sent.message.conversationId, state: 'start' });
      expect(await typing).toMatchObject({ userId: ben.user.id, typing: true });

      const receipt = nextEvent(anaOnFirst, 'conversation:read');
      await ask(benOnSecond, 'conversation:read', {
        conversationId: sent.message.conversationId,
        upToSeq: sent.message.seq,
      });
      expect(await receipt).toMatchObject({ userId: ben.user.id, upToSeq: 1 });
    } finally {
      for (const socket of sockets.splice(0)) socket.close();
      await second.app.close();
    }
  });

  it('numbers a burst of concurrent sends from every member 1..N with no gap, delivers each once, and stores a racing retry once', async () => {
    const [ana, ben, cleo] = [await person(app), await person(app), await person(app)];
    for (const member of [ben, cleo]) await follow(app, member, ana);
    const group = (
      await app.request('POST', '/v1/conversations', {
        ...auth(ana),
        body: { kind: 'group', title: 'Burst', memberIds: [ben.user.id, cleo.user.id] },
      })
    ).body;
    const phones = [await device(app, ana), await device(app, ben), await device(app, cleo)];
    const received = phones.map((phone) => collect<{ id: string; seq: number }>(phone, 'message:new'));
    const retried = newClientMessageId();
    const sends = phones.flatMap((phone, member) =>
      Array.from({ length: 6 }, (_, i) =>
        ask(phone, 'message:send', {
          conversationId: group.id,
          text: `m${member}.${i}`,
          // Ben's first send goes twice at once, as a client retrying before its ack arrived.
          clientMessageId: member === 1 && i < 2 ? retried : newClientMessageId(),
        }),
      ),
    );
    const acks = await Promise.all(sends);
    expect(acks.every((ack) => ack.message)).toBe(true);
    const [original, retry] = [acks[6].message, acks[7].message];
    expect(retry).toEqual(original);
    const seqs = acks.map((ack) => ack.message.seq as number);
    expect([...new Set(seqs)].sort((a, b) => a - b)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));

    const stored = (await app.request('GET', `/v1/conversations/${group.id}/messages?limit=50`, auth(ana))).body;
    expect(stored.lastSeq).toBe(17);
    expect(stored.items.map((m: { seq: number }) => m.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    // Every device hears every message once (its own echo included), whichever member sent it.
    await eventually(() => {
      for (const events of received)
        expect(events.map((m) => m.seq).sort((a, b) => a - b)).toEqual(stored.items.map((m: { seq: number }) => m.seq));
    });
  });

  it('screens a send before its transaction opens: while screening waits, the send holds no transaction', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const { conversationId } = await sendTo(app, ana, ben, 'hi');
    const phone = await device(app, ana);
    // One client holds a lock; the other looks (a transaction reads activity as of its first look).
    const [locker, observer] = [0, 1].map(() => new pg.Client({ connectionString: app.runtime.database.url }));
    await Promise.all([locker.connect(), observer.connect()]);
    try {
      // Screening reads the author's trust level for a text with an @ in it: held up here by a lock on its table.
      await locker.query('begin');
      await locker.query('lock table trust_safety.account_trust in access exclusive mode');
      const sending = ask(phone, 'message:send', {
        conversationId,
        text: 'hi @ben',
        clientMessageId: newClientMessageId(),
      });
      const waiting = await eventually(async () => {
        const { rows } = await observer.query<{ alone: boolean }>(
          `select xact_start = query_start as alone from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        expect(rows).toHaveLength(1);
        return rows[0];
      });
      // The read is a transaction of its own, not a statement in one the send began (BEGIN would have started it).
      expect(waiting.alone).toBe(true);
      await locker.query('commit');
      expect((await sending).message).toMatchObject({ conversationId, seq: 2 });
    } finally {
      await Promise.all([locker.end(), observer.end()]);
    }
  });

  it('notifies a recipient who is away of unread messages, one notification per conversation', async () => {
    const [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    const first = await sendTo(app, ana, ben, 'are you there?');
    await sendTo(app, ana, ben, 'hello?');
    await eventually(async () => {
      const items = (await app.request('GET', '/v1/notifications', auth(ben))).body.items.filter(
        (n: { type: string }) => n.type === 'message.new',
      );
      expect(items).toEqual([
        expect.objectContaining({ subjectId: first.conversationId, actorIds: [ana.user.id], read: false }),
      ]);
    });
    // Ana read her own messages as she sent them: nothing for her.
    const anaNotes = (await app.request('GET', '/v1/notifications', auth(ana))).body.items;
    expect(anaNotes.filter((n: { type: string }) => n.type.startsWith('message.'))).toEqual([]);
  });
});
