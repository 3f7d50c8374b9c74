import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { RedisConnections } from '../queues/redis-connections.js';

/**
 * Sessions ended before their access tokens expire (logout, refresh-token reuse). Entries live as long
 * as an access token can, so the check is one Redis GET per request and the set stays small.
 */
@Injectable()
export class SessionRevocations {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  async revoke(sessionId: string): Promise<void> {
    await this.redis.commands().set(this.redis.key('revoked-session', sessionId), '1', 'EX', this.config.auth.accessTokenTtlSeconds + 60);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.commands().exists(this.redis.key('revoked-session', sessionId))) === 1;
  }
}
