import type { Socket } from 'socket.io';

/**
 * The client's address as HTTP sees it: behind a trusted proxy the first `X-Forwarded-For` entry
 * (what Fastify's `request.ip` gives with `trustProxy`), else the connection's own address.
 */
export function socketClientIp(socket: Pick<Socket, 'handshake'>, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : socket.handshake.address;
}
