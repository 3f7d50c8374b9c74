import type { Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '@lib/platform/testing';
import { StandaloneModule } from '../../../apps/standalone/src/standalone.module.js';
import {
  connectSocket,
  nextEvent,
  registerUser,
  startShowrunner,
  TEST_PASSWORD,
  type RegisteredUser,
} from '../../support/showrunner.js';

/** Long enough for a publish through Redis, far shorter than an access token's 15 minutes. */
const AT_ONCE_MS = 3_000;

describe('sockets end with their session', () => {
  let app: TestApp;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    app = await startShowrunner();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  async function device(on: TestApp, accessToken: string): Promise<Socket> {
    const socket = await connectSocket(on, { token: accessToken });
    sockets.push(socket);
    return socket;
  }

  /** Resolves with the revocation notice and the disconnect reason, or fails if either is late. */
  function endOf(socket: Socket): Promise<[unknown, string]> {
    const disconnected = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`still connected after ${AT_ONCE_MS} ms`)), AT_ONCE_MS);
      socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });
    return Promise.all([nextEvent(socket, 'auth:revoked', AT_ONCE_MS), disconnected]);
  }

  async function logIn(user: RegisteredUser): Promise<string> {
    const answer = await app.request('POST', '/v1/auth/login', {
      body: { email: user.user.email, password: TEST_PASSWORD },
    });
    expect(answer.status).toBe(200);
    return answer.body.tokens.accessToken as string;
  }

  it('logout disconnects the session’s open sockets at once; the user’s other sessions stay connected', async () => {
    const user = await registerUser(app);
    const phone = await device(app, user.tokens.accessToken);
    const laptop = await device(app, await logIn(user));
    const ended = endOf(phone);

    expect((await app.request('POST', '/v1/auth/logout', { token: user.tokens.accessToken })).status).toBe(204);

    await expect(ended).resolves.toEqual([{ code: 'auth.session-revoked' }, 'io server disconnect']);
    expect(laptop.connected).toBe(true);
    expect(await laptop.emitWithAck('session:whoami')).toMatchObject({ userId: user.user.id });
  });

  it('a replayed refresh token disconnects every socket of the ended session, old and new tokens alike', async () => {
    const user = await registerUser(app);
    const before = await device(app, user.tokens.accessToken);
    const rotated = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });
    expect(rotated.status).toBe(200);
    const after = await device(app, rotated.body.accessToken);
    const ended = [endOf(before), endOf(after)];

    const replay = await app.request('POST', '/v1/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('identity.refresh-token.reused');

    for (const end of ended)
      await expect(end).resolves.toEqual([{ code: 'auth.session-revoked' }, 'io server disconnect']);
  });

  it('logout on one API node disconnects the session’s socket on another node sharing Redis', async () => {
    const second = await startTestApp((config) => StandaloneModule.forRoot(config), {
      database: app.runtime.database,
      env: { REDIS_PREFIX: app.config.redis.prefix, SEARCH_INDEX_PREFIX: app.config.redis.prefix },
    });
    try {
      const user = await registerUser(app);
      const onSecondNode = await device(second, user.tokens.accessToken);
      expect(await onSecondNode.emitWithAck('session:whoami')).toMatchObject({ userId: user.user.id });
      const ended = endOf(onSecondNode);

      expect((await app.request('POST', '/v1/auth/logout', { token: user.tokens.accessToken })).status).toBe(204);

      await expect(ended).resolves.toEqual([{ code: 'auth.session-revoked' }, 'io server disconnect']);
    } finally {
      for (const socket of sockets.splice(0)) socket.close();
      await second.app.close();
    }
  });
});
