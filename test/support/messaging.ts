import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { eventually, type TestApp } from '@lib/platform/testing';
import { registerUser, type RegisteredUser } from './showrunner.js';

export const auth = (user: RegisteredUser) => ({ token: user.tokens.accessToken });

/** A registered user whom engagement already knows (its people directory is fed by identity's events). */
export async function person(app: TestApp): Promise<RegisteredUser> {
  const user = await registerUser(app);
  await eventually(async () => {
    const answer = await app.request('GET', `/v1/users/${user.user.id}/followers`, auth(user));
    expect(answer.status).toBe(200);
  });
  return user;
}

/** Emits with an acknowledgement and resolves with whatever the server acknowledged. */
export function ask<T = any>(socket: Socket, event: string, payload?: unknown, timeoutMs = 10_000): Promise<T> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<T>;
}

/** Everything the socket receives for `event`, as it arrives. */
export function collect<T = any>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

export const newClientMessageId = () => randomUUID();

export async function follow(app: TestApp, follower: RegisteredUser, followee: RegisteredUser): Promise<void> {
  const answer = await app.request('POST', `/v1/creators/${followee.user.id}/follow`, auth(follower));
  if (answer.status !== 200 && answer.status !== 201)
    throw new Error(`follow failed: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Sends over REST to a person (opening the 1:1 conversation on the first message). */
export async function sendTo(app: TestApp, from: RegisteredUser, to: RegisteredUser, text: string) {
  const answer = await app.request('POST', `/v1/users/${to.user.id}/messages`, {
    ...auth(from),
    body: { text, clientMessageId: newClientMessageId() },
  });
  if (answer.status !== 201) throw new Error(`send failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; conversationId: string; seq: number };
}
