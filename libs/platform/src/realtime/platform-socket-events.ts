import { serverEvent } from './socket-events.js';

/** A client event failed and its sender gave no acknowledgement callback to answer. */
export const SOCKET_EXCEPTION = serverEvent(
  'exception',
  'the socket whose event failed (when it gave no acknowledgement)',
);
/** The socket's access token expired: refresh it and reconnect. */
export const AUTH_EXPIRED = serverEvent('auth:expired', 'the socket whose access token expired, just before it closes');
/** The session ended (logout, a replayed refresh token): log in again. */
export const AUTH_REVOKED = serverEvent('auth:revoked', 'every socket of the ended session, just before they close');
/** This node is shutting down (a deploy, a restart): reconnect, to another node, after the given delay. */
export const SERVER_SHUTDOWN = serverEvent(
  'server:shutdown',
  'every socket of a node that is shutting down, just before its connection closes',
);

/**
 * Largest client-to-server packet (chat-sized payloads, not file transfers). A bigger one closes the
 * connection (WebSocket close code 1009) before it is parsed: there is no event left to acknowledge.
 */
export const MAX_PACKET_BYTES = 64 * 1024;
