import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ApiKey } from '../../domain/api-key/api-key.js';
import { ApiKeyRepository } from '../../domain/api-key/api-key.repository.js';

@Injectable()
export class MikroOrmApiKeyRepository extends ApiKeyRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  findBySecretHash(secretHash: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { secretHash });
  }

  findOwned(userId: string, id: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { id, userId });
  }

  listOwned(userId: string): Promise<ApiKey[]> {
    return this.em.find(ApiKey, { userId }, { orderBy: { createdAt: 'desc' } });
  }

  async save(key: ApiKey): Promise<void> {
    await this.em.persist(key).flush();
  }

  async touch(id: string, at: Date): Promise<void> {
    // At most one write a minute per key: last-used is informative, not an audit log.
    await this.em.execute(
      `update identity.api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?::timestamptz - interval '1 minute')`,
      [at, id, at],
    );
  }
}
