import { ProblemDocument } from '../http/openapi.js';
import { AUTH_EXPIRED, AUTH_REVOKED, SERVER_SHUTDOWN, SOCKET_EXCEPTION } from './platform-socket-events.js';
import { objectSchema, TEXT } from './socket-schemas.js';
import type { SocketEventDocs } from './socket-events.js';

const notice = (code: string) => objectSchema({ code: { ...TEXT, enum: [code] } });

/** The platform's own socket events: the connection's lifecycle and errors without an acknowledgement. */
export const PLATFORM_SOCKET_EVENTS: SocketEventDocs = {
  server: [
    {
      event: AUTH_EXPIRED,
      summary: 'Your access token expired: refresh it, then reconnect (the `auth` callback supplies the new one)',
      payload: notice('auth.token-expired'),
    },
    {
      event: AUTH_REVOKED,
      summary: 'Your session ended (logout, a replayed refresh token): log in again',
      payload: notice('auth.session-revoked'),
    },
    {
      event: SERVER_SHUTDOWN,
      summary:
        'This node is shutting down: the connection closes next and socket.io-client reconnects by itself (to another node); wait `reconnectAfterMs` if you reconnect by hand',
      payload: objectSchema({
        code: { ...TEXT, enum: ['socket.server.shutting-down'] },
        reconnect: { type: 'boolean', enum: [true] },
        reconnectAfterMs: { type: 'integer', minimum: 0 },
      }),
    },
    {
      event: SOCKET_EXCEPTION,
      summary: 'A client event failed and gave no acknowledgement callback: the problem document',
      payload: ProblemDocument,
    },
  ],
  client: [
    {
      name: 'session:whoami',
      summary: 'Who the server thinks this socket is',
      ack: objectSchema({ userId: { type: 'string', format: 'uuid' }, roles: { type: 'array', items: TEXT } }),
    },
  ],
};
