import { EntitySchema } from '@mikro-orm/postgresql';
import type { PolicyDocument } from '../../domain/policy/moderation-policy.js';
import { TRUST_SAFETY_SCHEMA } from '../screening/screening.schemas.js';

/** One saved version of the moderation policy; rows are never updated, the highest version is in force. */
export class StoredPolicy {
  version!: number;
  document!: PolicyDocument;
  editedBy!: string;
  editedAt!: Date;
}

export const StoredPolicySchema = new EntitySchema<StoredPolicy>({
  class: StoredPolicy,
  schema: TRUST_SAFETY_SCHEMA,
  tableName: 'moderation_policies',
  properties: {
    version: { type: 'integer', primary: true, autoincrement: false },
    document: { type: 'json' },
    editedBy: { type: 'uuid' },
    editedAt: { type: 'datetime' },
  },
});
