import { Injectable } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DEFAULT_POLICY, type ModerationPolicy, type PolicyDocument } from '../../domain/policy/moderation-policy.js';
import { ModerationPolicyRepository } from '../../domain/policy/moderation-policy.repository.js';
import { PolicyEditConflictError } from '../../domain/policy/moderation-policy.errors.js';
import { StoredPolicy } from './policy.schemas.js';

/** The built-in default counts as version 1, so the first saved edit is version 2. */
const DEFAULT_VERSION = 1;

@Injectable()
export class MikroOrmModerationPolicyRepository extends ModerationPolicyRepository {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async current(): Promise<ModerationPolicy> {
    const [stored] = await this.em.fork().find(StoredPolicy, {}, { orderBy: { version: 'desc' }, limit: 1 });
    if (!stored)
      return { ...structuredClone(DEFAULT_POLICY), version: DEFAULT_VERSION, editedBy: null, editedAt: null };
    return { ...stored.document, version: stored.version, editedBy: stored.editedBy, editedAt: stored.editedAt };
  }

  async saveNext(document: PolicyDocument, editedBy: string): Promise<ModerationPolicy> {
    const { version } = await this.current();
    const stored = Object.assign(new StoredPolicy(), {
      version: version + 1,
      document,
      editedBy,
      editedAt: new Date(),
    });
    try {
      await this.em.insert(StoredPolicy, stored);
    } catch (error) {
      // Two admins saving at once: the version is the primary key, so the second one is told to reload.
      if (error instanceof UniqueConstraintViolationException) throw new PolicyEditConflictError(stored.version);
      throw error;
    }
    return { ...document, version: stored.version, editedBy, editedAt: stored.editedAt };
  }
}
