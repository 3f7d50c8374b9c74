import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { RedisConnections } from '../queues/redis-connections.js';
import { RealtimeEmitter } from '../realtime/realtime-emitter.js';
import { SESSION_REVOKED, sessionRoom } from '../realtime/rooms.js';

/**
 * Sessions ended before their access tokens expire (logout, refresh-token reuse). Entries live as long
 * as an access token can, so the check is one Redis GET per request and the set stays small.
 * Revoking also closes the session's open sockets on every node: they were only checked at the handshake.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** Call after the transaction that ended the session commits: the sockets close for good. */
  async revoke(sessionId: string): Promise<void> {
    await this.redis
      .commands()
      .set(this.redis.key('revoked-session', sessionId), '1', 'EX', this.config.auth.accessTokenTtlSeconds + 60);
    // After the entry: a socket still connecting either sees it or is already in the room (see RedisIoAdapter).
    this.realtime.disconnectRoom(sessionRoom(sessionId), SESSION_REVOKED.event, SESSION_REVOKED.notice);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.commands().exists(this.redis.key('revoked-session', sessionId))) === 1;
  }
}
