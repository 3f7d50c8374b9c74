import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '@lib/platform/testing';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module.js';

/** The whole platform (API + worker) in this test process, on its own database and Redis prefix. */
export function startShowrunner(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp((config) => StandaloneModule.forRoot(config), { env });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface RegisteredUser {
  user: { id: string; email: string; handle: string; displayName: string; roles: string[] };
  tokens: { accessToken: string; refreshToken: string; expiresIn: number };
  password: string;
}

/** Registers a fresh user (unique email and handle) and returns the 201 body. */
export async function registerUser(
  app: TestApp,
  overrides: Partial<{ email: string; handle: string; displayName: string; password: string }> = {},
): Promise<RegisteredUser> {
  const tag = randomBytes(4).toString('hex');
  const body = {
    email: `user-${tag}@example.com`,
    handle: `user_${tag}`,
    displayName: `User ${tag}`,
    password: TEST_PASSWORD,
    ...overrides,
  };
  const answer = await app.request('POST', '/v1/auth/register', { body });
  if (answer.status !== 201) throw new Error(`registration failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...answer.body, password: body.password };
}

/** A real socket.io client; resolves once connected or rejects with the connect error. */
export function connectSocket(
  app: TestApp,
  auth: { token?: string },
  extraHeaders?: Record<string, string>,
): Promise<Socket> {
  const socket = io(app.url, { auth, transports: ['websocket'], reconnection: false, extraHeaders, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Waits for the next `event` on the socket. */
export function nextEvent<T = any>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}
