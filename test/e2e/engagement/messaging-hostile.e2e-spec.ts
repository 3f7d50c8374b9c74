import type { Socket } from 'socket.io-client';
import type { TestApp } from '@lib/platform/testing';
import { ask, auth, follow, newClientMessageId, person, sendTo } from '../../support/messaging.js';
import { connectSocket, nextEvent, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

describe('direct messages: bad input, floods and other people’s conversations', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  let ana: RegisteredUser;
  let ben: RegisteredUser;
  let stranger: RegisteredUser;
  let conversationId: string;

  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  async function device(user: RegisteredUser): Promise<Socket> {
    const socket = await connectSocket(app, auth(user));
    sockets.push(socket);
    return socket;
  }
  const history = (user: RegisteredUser, id: string, query = '') =>
    app.request('GET', `/v1/conversations/${id}/messages${query}`, auth(user));

  beforeAll(async () => {
    app = await startShowrunner({
      MESSAGE_MAX_LENGTH: '200',
      MESSAGE_RATE_LIMIT: '12',
      MESSAGE_RATE_WINDOW_SECONDS: '60',
    });
    [ana, ben, stranger] = [await person(app), await person(app), await person(app)];
    await follow(app, ben, ana);
    conversationId = (await sendTo(app, ana, ben, 'private')).conversationId;
  });

  it('refuses empty and oversized messages with their own codes, storing nothing', async () => {
    const phone = await device(ana);
    const empty = await ask(phone, 'message:send', {
      conversationId,
      text: '   ',
      clientMessageId: newClientMessageId(),
    });
    expect(empty.error).toMatchObject({ status: 400, code: 'engagement.message.invalid' });
    const long = await app.request('POST', `/v1/conversations/${conversationId}/messages`, {
      ...auth(ana),
      body: { text: 'x'.repeat(201), clientMessageId: newClientMessageId() },
    });
    expect(long.body).toMatchObject({ status: 400, code: 'engagement.message.too-long', maxLength: 200, length: 201 });
    // Far past any cap (but inside the body limit): the answer still names the configured limit.
    const huge = await app.request('POST', `/v1/conversations/${conversationId}/messages`, {
      ...auth(ana),
      body: { text: 'y'.repeat(150_000), clientMessageId: newClientMessageId() },
    });
    expect(huge.body).toMatchObject({ status: 400, code: 'engagement.message.too-long', maxLength: 200 });
    // Characters, not bytes: 200 emoji fit.
    expect(
      (
        await app.request('POST', `/v1/conversations/${conversationId}/messages`, {
          ...auth(ana),
          body: { text: '🎬'.repeat(200), clientMessageId: newClientMessageId() },
        })
      ).status,
    ).toBe(201);
    expect((await history(ana, conversationId)).body.lastSeq).toBe(2);
  });

  it('opens no conversation for a first message it refuses', async () => {
    // A reply to a message of a conversation the sender is not in: refused, and nothing is left behind.
    const [message] = (await history(ana, conversationId)).body.items as { id: string }[];
    const refused = await app.request('POST', `/v1/users/${ben.user.id}/messages`, {
      ...auth(stranger),
      body: { text: 'hello', clientMessageId: newClientMessageId(), replyToId: message.id },
    });
    expect(refused.body).toMatchObject({ status: 404, code: 'engagement.message.not-found' });
    const conversations = async (user: RegisteredUser) =>
      (await app.request('GET', '/v1/conversations', auth(user))).body.items as { id: string }[];
    expect(await conversations(stranger)).toEqual([]);
    // Written properly, the same first message opens it.
    const sent = await sendTo(app, stranger, ben, 'hello');
    expect((await conversations(stranger)).map((c) => c.id)).toEqual([sent.conversationId]);
  });

  it('gives two people who write to each other first at the same moment one conversation', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => [await person(app), await person(app)] as const),
    );
    const sent = await Promise.all(
      pairs.flatMap(([one, other]) => [sendTo(app, one, other, 'hi'), sendTo(app, other, one, 'hi')]),
    );
    for (let i = 0; i < pairs.length; i += 1) {
      const [first, second] = [sent[2 * i], sent[2 * i + 1]];
      expect(first.conversationId).toBe(second.conversationId);
      expect([first.seq, second.seq].sort()).toEqual([1, 2]);
    }
  });

  it('answers unknown and other people’s conversation ids alike (404), on every socket event and route', async () => {
    const phone = await device(stranger);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [unknown, conversationId]) {
      expect(
        (await ask(phone, 'message:send', { conversationId: id, text: 'hi', clientMessageId: newClientMessageId() }))
          .error,
      ).toMatchObject({ status: 404, code: 'engagement.conversation.not-found' });
      expect((await ask(phone, 'conversation:read', { conversationId: id, upToSeq: 1 })).error).toMatchObject({
        status: 404,
      });
      expect((await ask(phone, 'typing', { conversationId: id, state: 'start' })).error).toMatchObject({ status: 404 });
      expect((await history(stranger, id)).status).toBe(404);
      expect((await app.request('GET', `/v1/conversations/${id}`, auth(stranger))).status).toBe(404);
    }
    const [message] = (await history(ana, conversationId)).body.items;
    const foreignEdit = await ask(phone, 'message:edit', { conversationId, messageId: message.id, text: 'mine now' });
    expect(foreignEdit.error).toMatchObject({ status: 404 });
    expect(
      (await app.request('GET', `/v1/conversations/${conversationId}/messages/${message.id}/edits`, auth(stranger)))
        .status,
    ).toBe(404);
  });

  it('validates every socket payload like an HTTP body and keeps the connection serving', async () => {
    const phone = await device(ana);
    const malformed: unknown[] = [
      'just a string',
      null,
      42,
      [],
      { conversationId, text: 'no client id' },
      { conversationId: 'not-a-uuid', text: 'x', clientMessageId: 'a' },
      { conversationId, text: 7, clientMessageId: 'a' },
      { conversationId, text: 'x', clientMessageId: 'has spaces in it' },
      { conversationId, text: 'x', clientMessageId: 'a', isAdmin: true },
      { text: 'neither a conversation nor a recipient', clientMessageId: 'a' },
    ];
    for (const payload of malformed) {
      const answer = await ask(phone, 'message:send', payload);
      expect(answer.error).toMatchObject({ status: 400, code: 'validation.failed' });
    }
    expect((await ask(phone, 'conversation:read', { conversationId, upToSeq: -1 })).error.code).toBe(
      'validation.failed',
    );
    expect((await ask(phone, 'typing', { conversationId, state: 'dancing' })).error.code).toBe('validation.failed');
    // Without an acknowledgement the error arrives as an `exception` event.
    const exception = nextEvent(phone, 'exception');
    phone.emit('message:send', { nonsense: true });
    expect(await exception).toMatchObject({ code: 'validation.failed' });
    expect(await ask(phone, 'session:whoami')).toMatchObject({ userId: ana.user.id });
    expect((await history(ana, conversationId)).body.lastSeq).toBe(2);
  });

  it('refuses malformed REST bodies and ids with 400', async () => {
    expect(
      (
        await app.request('POST', `/v1/conversations/${conversationId}/messages`, {
          ...auth(ana),
          rawBody: '{"text": "x",',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await app.request('POST', '/v1/conversations/not-a-uuid/messages', {
          ...auth(ana),
          body: { text: 'x', clientMessageId: 'a' },
        })
      ).status,
    ).toBe(400);
    const unknownField = await app.request('POST', '/v1/conversations', {
      ...auth(ana),
      body: { kind: 'direct', recipientId: ben.user.id, admin: true },
    });
    expect(unknownField.body.code).toBe('validation.failed');
    const self = await app.request('POST', '/v1/conversations', {
      ...auth(ana),
      body: { kind: 'direct', recipientId: ana.user.id },
    });
    expect(self.body.code).toBe('engagement.conversation.self');
    const nobody = await app.request('POST', '/v1/conversations', {
      ...auth(ana),
      body: { kind: 'direct', recipientId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(nobody.status).toBe(404);
  });

  it('stops a flood past the per-user rate limit, over socket and REST together, saying the limit', async () => {
    const flooder = await person(app);
    await follow(app, ben, flooder);
    const phone = await device(flooder);
    const first = await sendTo(app, flooder, ben, 'm0');
    const answers = [];
    for (let i = 1; i < 15; i += 1) {
      answers.push(
        i % 2
          ? await ask(phone, 'message:send', {
              conversationId: first.conversationId,
              text: `m${i}`,
              clientMessageId: newClientMessageId(),
            })
          : (
              await app.request('POST', `/v1/conversations/${first.conversationId}/messages`, {
                ...auth(flooder),
                body: { text: `m${i}`, clientMessageId: newClientMessageId() },
              })
            ).body,
      );
    }
    const refused = answers.map((a) => a.error ?? a).filter((a) => a.code === 'engagement.message.rate-limited');
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ status: 429, limit: 12, windowSeconds: 60 });
    expect(refused[0].retryAfterSeconds).toBeGreaterThan(0);
    expect((await history(ben, first.conversationId)).body.lastSeq).toBe(12);
    // Retrying a message that was stored is not a new send: it still answers.
    const stored = answers[0].message;
    expect(
      (
        await ask(phone, 'message:send', {
          conversationId: first.conversationId,
          text: 'm1',
          clientMessageId: stored.clientMessageId,
        })
      ).message.id,
    ).toBe(stored.id);
  });
});
