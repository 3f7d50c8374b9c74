import type { Socket } from 'socket.io-client';
import type { TestApp } from '@lib/platform/testing';
import { BROWSER_UA } from '../../support/insights.js';
import { ask, auth, follow, newClientMessageId, person, sendTo } from '../../support/messaging.js';
import { connectSocket, registerUser, startShowrunner, type RegisteredUser } from '../../support/showrunner.js';

// Raw JSON escapes: JSON.stringify would send the same, but spelling them out shows what goes on the wire.
const NUL = '\\u0000';
const LONE_SURROGATE = '\\ud800';
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile text and deep nesting are refused at the edge (HTTP and sockets)', () => {
  let app: TestApp;
  let ana: RegisteredUser;
  let ben: RegisteredUser;
  let conversationId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startShowrunner();
    [ana, ben] = [await person(app), await person(app)];
    await follow(app, ben, ana);
    conversationId = (await sendTo(app, ana, ben, 'hello')).conversationId;
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  function expectRefusedField(answer: { status: number; headers: Headers; body: any }, field: string): void {
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ code: 'validation.failed', errors: [expect.objectContaining({ field })] });
  }

  it('refuses a NUL byte or a lone surrogate in a body field, naming the field', async () => {
    for (const bad of [NUL, LONE_SURROGATE]) {
      expectRefusedField(
        await app.request('POST', '/v1/auth/login', {
          rawBody: `{"email":"a${bad}@example.com","password":"whatever it is"}`,
        }),
        'email',
      );
      expectRefusedField(
        await app.request('POST', '/v1/studio/channels', {
          ...auth(ana),
          rawBody: `{"name":"Cooking ${bad}","description":"x"}`,
        }),
        'name',
      );
      expectRefusedField(
        await app.request('POST', `/v1/conversations/${conversationId}/messages`, {
          ...auth(ana),
          rawBody: `{"text":"hi ${bad}","clientMessageId":"${newClientMessageId()}"}`,
        }),
        'text',
      );
      expectRefusedField(
        await app.request('POST', '/v1/me/api-keys', {
          ...auth(ana),
          rawBody: `{"name":"ci ${bad}","scopes":["profile:read"]}`,
        }),
        'name',
      );
    }
    const history = await app.request('GET', `/v1/conversations/${conversationId}/messages`, auth(ana));
    expect(history.body.lastSeq).toBe(1);
  });

  it('checks property names as well as values (free-form analytics properties)', async () => {
    const body = `{"events":[{"eventId":"${crypto.randomUUID()}","name":"page_view","timestamp":"${new Date().toISOString()}","sessionId":"s-1","properties":{"k${NUL}":1}}]}`;
    const answer = await app.request('POST', '/v1/events', { rawBody: body, headers: { 'user-agent': BROWSER_UA } });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('validation.failed');
    expect(answer.body.errors[0].field).toBe('events.0.properties.k\ufffd');
  });

  it('refuses a NUL byte in a query parameter (people and catalog search, catalog suggest)', async () => {
    expectRefusedField(await app.request('GET', '/v1/search/people?q=a%00b', auth(ana)), 'q');
    expectRefusedField(await app.request('GET', '/v1/catalog?q=%00', auth(ana)), 'q');
    expectRefusedField(await app.request('GET', '/v1/catalog/suggest?q=%00', auth(ana)), 'q');
    // Invalid UTF-8 in a query decodes to U+FFFD, which is harmless text.
    expect((await app.request('GET', '/v1/search/people?q=%ED%A0%80', auth(ana))).status).toBe(200);
  });

  it('refuses a NUL byte in a path parameter, and an undecodable path with a problem document', async () => {
    expectRefusedField(await app.request('GET', '/v1/studio/channels/%00', auth(ana)), 'channelId');
    expectRefusedField(await app.request('GET', '/sandbox/checkout/cs_%00'), 'id');
    const undecodable = await app.request('GET', '/v1/studio/channels/%ED%A0%80', auth(ana));
    expect(undecodable.status).toBe(400);
    expect(undecodable.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(undecodable.body).toMatchObject({ code: 'http.malformed-url', instance: '/v1/studio/channels/%ED%A0%80' });
  });

  it('refuses JSON nested 10,000 levels deep with 400 validation.too-deep, on anonymous routes too', async () => {
    for (const [path, body] of [
      [
        '/v1/events',
        `{"events":[{"eventId":"${crypto.randomUUID()}","name":"page_view","timestamp":"${new Date().toISOString()}","sessionId":"s-1","properties":{"a":${deepArray(10_000)}}}]}`,
      ],
      ['/v1/auth/login', `{"email":${deepArray(10_000)},"password":"x"}`],
      ['/v1/auth/register', deepArray(10_000)],
    ] as const) {
      const answer = await app.request('POST', path, { rawBody: body, headers: { 'user-agent': BROWSER_UA } });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ code: 'validation.too-deep', maxDepth: 32 });
    }
    // Ordinary nesting still works.
    const user = await registerUser(app);
    expect(user.user.id).toBeDefined();
  });

  it('refuses the same over Socket.IO: message:send with NUL, a lone surrogate or deep nesting, and keeps serving', async () => {
    const phone = await connectSocket(app, auth(ana));
    sockets.push(phone);
    for (const text of ['a\u0000b', 'a\ud800b']) {
      const answer = await ask(phone, 'message:send', { conversationId, text, clientMessageId: newClientMessageId() });
      expect(answer.error).toMatchObject({
        status: 400,
        code: 'validation.failed',
        errors: [expect.objectContaining({ field: 'text' })],
      });
    }
    // socket.io-client recurses over what it emits, so the deep EVENT packet (type 2) is written on the wire by hand.
    const refused = new Promise<any>((resolve) => phone.once('exception', resolve));
    phone.io.engine.send(
      `2["message:send",{"conversationId":"${conversationId}","text":${deepArray(10_000)},"clientMessageId":"${newClientMessageId()}"}]`,
    );
    expect(await refused).toMatchObject({ status: 400, code: 'validation.too-deep' });
    expect((await ask(phone, 'typing', { conversationId, state: 'start\u0000' })).error.code).toBe('validation.failed');

    const history = await app.request('GET', `/v1/conversations/${conversationId}/messages`, auth(ana));
    expect(history.body.lastSeq).toBe(1);
    const fine = await ask(phone, 'message:send', {
      conversationId,
      text: 'still here 🎬',
      clientMessageId: newClientMessageId(),
    });
    expect(fine.message.seq).toBe(2);
  });

  it('answers an event without an acknowledgement with an exception event', async () => {
    const phone = await connectSocket(app, auth(ben));
    sockets.push(phone);
    const exception = new Promise<any>((resolve) => phone.once('exception', resolve));
    phone.emit('message:send', { conversationId, text: '\u0000', clientMessageId: newClientMessageId() });
    expect(await exception).toMatchObject({ code: 'validation.failed' });
  });
});
