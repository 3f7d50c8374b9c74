import { Injectable, Optional } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { ApiUsageMeter, BillingApi } from '@lib/billing/contracts';
import { ApiKeyAuthenticator, PasswordAuthenticator, type Principal, inRequestContext } from '@lib/platform';
import { hashSecret } from '../../application/secrets.js';
import { ApiKeyRepository } from '../../domain/api-key/api-key.repository.js';
import { PasswordHasher } from '../../domain/password-hasher.js';
import { UserRepository } from '../../domain/user/user.repository.js';

/**
 * The identity context's answers to the platform's credential ports. Guards and socket handshakes call
 * them outside any use case, so each call works in its own EntityManager context.
 */
@Injectable()
export class IdentityApiKeyAuthenticator extends ApiKeyAuthenticator {
  constructor(
    private readonly orm: MikroORM,
    private readonly apiKeys: ApiKeyRepository,
    private readonly users: UserRepository,
    private readonly billing: BillingApi,
    @Optional() private readonly usage?: ApiUsageMeter,
  ) {
    super();
  }

  authenticate(rawKey: string): Promise<Principal | null> {
    return inRequestContext(this.orm.em, async () => {
      const key = await this.apiKeys.findBySecretHash(hashSecret(rawKey));
      const now = new Date();
      if (!key?.usableAt(now)) return null;
      const owner = await this.users.findById(key.userId);
      if (!owner) return null;
      // A key works only while its owner's plan has API access: after a downgrade it answers 402 (not
      // revoked, so an upgrade brings it back). Operators' keys are not sold, so admins skip it (ADR 0056).
      if (!owner.roles.includes('admin')) await this.billing.assertPlanIncludes(owner.id, 'api_access');
      // Every authenticated call counts against the owner's plan (402 past a hard limit; docs/adr/0057).
      await this.usage?.record({ userId: owner.id, apiKeyId: key.id });
      // Last-used is informative: failing to record it must not fail the request.
      await this.apiKeys.touch(key.id, now).catch(() => undefined);
      return { userId: owner.id, roles: [...owner.roles], via: 'api-key', scopes: [...key.scopes] } satisfies Principal;
    });
  }
}

@Injectable()
export class IdentityPasswordAuthenticator extends PasswordAuthenticator {
  constructor(
    private readonly orm: MikroORM,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {
    super();
  }

  authenticate(email: string, password: string): Promise<Principal | null> {
    return inRequestContext(this.orm.em, async () => {
      const user = await this.users.findByEmail(email.trim().toLowerCase());
      if (!user || !(await this.hasher.verify(user.passwordHash, password))) return null;
      return { userId: user.id, roles: [...user.roles], via: 'access-token' } satisfies Principal;
    });
  }
}
