import { AUTH_REVOKED } from './platform-socket-events.js';

/** Every device of a user joins this room at the handshake; push to a user by emitting here. */
export const userRoom = (userId: string) => `user:${userId}`;

/** Every socket joins its login session's room at the handshake, so ending the session reaches it on any node. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** Sent to a socket just before it is closed because its session ended: log in again (refreshing will not help). */
export const SESSION_REVOKED = { event: AUTH_REVOKED, notice: { code: 'auth.session-revoked' } } as const;

/** Socket.IO's Redis channels and the emitter must agree on this key. */
export const socketChannelKey = (redisPrefix: string) => `${redisPrefix}:socket.io`;
