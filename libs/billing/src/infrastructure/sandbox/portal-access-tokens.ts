import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@config';
import { RedisConnections } from '@lib/platform';

/**
 * One-time tokens for the sandbox billing portal: each opens the portal page or performs one action on one
 * portal session, then is gone. The portal link alone (which leaks through history, logs and referrers)
 * therefore grants nothing once used. Kept in Redis, hashed, with the portal link's lifetime.
 */
@Injectable()
export class PortalAccessTokens {
  constructor(
    private readonly redis: RedisConnections,
    private readonly config: AppConfig,
  ) {}

  async issue(portalSessionId: string): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.redis
      .commands()
      .set(this.key(token), portalSessionId, 'EX', this.config.billing.sandbox.portalTtlSeconds);
    return token;
  }

  /** True when the token was issued for this portal session and not used yet; it is used up either way. */
  async consume(portalSessionId: string, token: string | undefined): Promise<boolean> {
    if (!token) return false;
    const boundTo = await this.redis.commands().getdel(this.key(token));
    return boundTo === portalSessionId;
  }

  private key(token: string): string {
    return this.redis.key('billing', 'sandbox-portal-token', createHash('sha256').update(token).digest('hex'));
  }
}
