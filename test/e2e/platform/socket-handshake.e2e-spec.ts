import { ApplicationConfig } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io';
import { TEST_JWT_SECRET, type TestApp } from '@lib/platform/testing';
import { connectSocket, nextEvent, registerUser, startShowrunner } from '../../support/showrunner.js';
import { withApiAccess } from '../../support/billing.js';

describe('Socket.IO handshake', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startShowrunner({ CORS_ORIGINS: 'https://app.example.com' });
  });
  afterAll(() => app.close());

  it('admits a valid access token and knows who is connected', async () => {
    const user = await registerUser(app);
    const socket = await connectSocket(app, { token: user.tokens.accessToken });
    const who = await socket.emitWithAck('session:whoami');
    expect(who).toEqual({ userId: user.user.id, roles: ['member'] });
    socket.close();
  });

  it('answers an event no gateway handles with socket.unknown-event, acknowledged or not', async () => {
    const user = await registerUser(app);
    const socket = await connectSocket(app, { token: user.tokens.accessToken });
    const answer = await socket.emitWithAck('message:sned', { text: 'typo' });
    expect(answer).toEqual({
      error: expect.objectContaining({ status: 404, code: 'socket.unknown-event', event: 'message:sned' }),
    });
    const exception = nextEvent(socket, 'exception');
    socket.emit('session:whoarewe');
    expect(await exception).toMatchObject({ code: 'socket.unknown-event', event: 'session:whoarewe' });
    // Known events still work on the same socket.
    expect(await socket.emitWithAck('session:whoami')).toMatchObject({ userId: user.user.id });
    socket.close();
  });

  it('refuses a connection without a token', async () => {
    await expect(connectSocket(app, {})).rejects.toMatchObject({
      message: 'Authentication is required',
      data: { code: 'auth.unauthenticated' },
    });
  });

  it('refuses expired and forged tokens', async () => {
    const user = await registerUser(app);
    const claims = { sub: user.user.id, roles: ['member'], sid: '018f0000-0000-7000-8000-000000000000', typ: 'access' };
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 5 },
      { issuer: 'showrunner', audience: 'showrunner-api' },
    );
    const forged = new JwtService({ secret: 'someone-else-s-secret-0123456789abcdef' }).sign(claims, {
      issuer: 'showrunner',
      audience: 'showrunner-api',
      expiresIn: 60,
    });
    await expect(connectSocket(app, { token: expired })).rejects.toMatchObject({
      data: { code: 'auth.token-expired' },
    });
    await expect(connectSocket(app, { token: forged })).rejects.toMatchObject({ data: { code: 'auth.token-invalid' } });
  });

  it('refuses a logged-out session', async () => {
    const user = await registerUser(app);
    await app.request('POST', '/v1/auth/logout', { token: user.tokens.accessToken });
    await expect(connectSocket(app, { token: user.tokens.accessToken })).rejects.toMatchObject({
      data: { code: 'auth.session-revoked' },
    });
  });

  it('refuses API keys, in the auth payload and in the Authorization header, whatever their scopes', async () => {
    const user = await withApiAccess(app, await registerUser(app));
    const created = await app.request('POST', '/v1/me/api-keys', {
      token: user.tokens.accessToken,
      body: { name: 'profile reader', scopes: ['profile:read'] },
    });
    const key: string = created.body.key;
    expect((await app.request('GET', '/v1/me', { token: key })).status).toBe(200);

    const refused = {
      message: 'API keys cannot open a real-time connection; use an access token',
      data: { code: 'auth.api-key.socket-refused' },
    };
    await expect(connectSocket(app, { token: key })).rejects.toMatchObject(refused);
    await expect(connectSocket(app, {}, { authorization: `Bearer ${key}` })).rejects.toMatchObject(refused);
    // A made-up key gets the same answer: the handshake tells nothing about which keys exist.
    await expect(connectSocket(app, { token: `sr_${'x'.repeat(43)}` })).rejects.toMatchObject(refused);
  });

  it('refuses a browser page from a foreign origin even with a valid token (CSWSH)', async () => {
    const user = await registerUser(app);
    await expect(
      connectSocket(app, { token: user.tokens.accessToken }, { origin: 'https://evil.example.net' }),
    ).rejects.toBeDefined();
    const allowed = await connectSocket(app, { token: user.tokens.accessToken }, { origin: 'https://app.example.com' });
    allowed.close();
  });

  it('disconnects a socket when its access token expires', async () => {
    const user = await registerUser(app);
    const shortLived = new JwtService({ secret: TEST_JWT_SECRET }).sign(
      { sub: user.user.id, roles: ['member'], sid: '018f0000-0000-7000-8000-000000000001', typ: 'access' },
      { issuer: 'showrunner', audience: 'showrunner-api', expiresIn: 2 },
    );
    const socket = await connectSocket(app, { token: shortLived });
    const expiredNotice = new Promise((resolve) => socket.once('auth:expired', resolve));
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    await expect(expiredNotice).resolves.toEqual({ code: 'auth.token-expired' });
    await expect(disconnected).resolves.toBe('io server disconnect');
  });

  it('keeps an idle socket lean: one disconnect listener for all gateways, no per-event pipeline, no bearer token', async () => {
    const user = await registerUser(app);
    const auth = { token: user.tokens.accessToken, userId: 'kept' }; // the other fields of the payload stay
    const socket = await connectSocket(app, auth);
    const adapter = app.app.get(ApplicationConfig).getIoAdapter() as unknown as { connectedSockets(): Socket[] };
    const held = adapter.connectedSockets().find((s) => s.data.principal?.userId === user.user.id)!;
    // Nest's IoAdapter leaves 9: one per gateway, its per-event pipelines' takeUntil, the timer's (ADR 0072).
    const idleListeners = held.listenerCount('disconnect');
    expect(idleListeners).toBe(2); // the gateways' hooks, the token-expiry timer
    expect(held.handshake.auth).toEqual({ userId: 'kept' });
    // Events in flight at once share one disconnect listener (one each would pass the emitter's limit of 10).
    let most = idleListeners;
    const once = held.once.bind(held) as (event: string, listener: () => void) => Socket;
    (held as unknown as { once: typeof once }).once = (event, listener) => {
      const result = once(event, listener);
      if (event === 'disconnect') most = Math.max(most, held.listenerCount(event));
      return result;
    };
    const answers = await Promise.all(Array.from({ length: 15 }, () => socket.emitWithAck('session:whoami')));
    delete (held as unknown as { once?: unknown }).once; // the prototype's again
    expect(answers).toEqual(Array.from({ length: 15 }, () => expect.objectContaining({ userId: user.user.id })));
    expect(most).toBe(idleListeners + 1);
    expect(held.listenerCount('disconnect')).toBe(idleListeners); // finished events leave nothing behind
    socket.close();
  });
});
