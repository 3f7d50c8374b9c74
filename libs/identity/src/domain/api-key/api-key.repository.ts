import type { ApiKey } from './api-key.js';

export abstract class ApiKeyRepository {
  abstract findBySecretHash(secretHash: string): Promise<ApiKey | null>;
  abstract findOwned(userId: string, id: string): Promise<ApiKey | null>;
  abstract listOwned(userId: string): Promise<ApiKey[]>;
  abstract save(key: ApiKey): Promise<void>;
  /** Records use without loading the key into a unit of work (hot path, best effort). */
  abstract touch(id: string, at: Date): Promise<void>;
}
