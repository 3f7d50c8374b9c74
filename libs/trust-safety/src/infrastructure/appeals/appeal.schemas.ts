import { EntitySchema } from '@mikro-orm/postgresql';
import { Appeal } from '../../domain/appeals/appeal.js';
import { SanctionLift } from '../../domain/appeals/sanction-lift.js';

export const AppealSchema = new EntitySchema<Appeal>({
  class: Appeal,
  schema: 'trust_safety',
  tableName: 'appeals',
  checks: [{ name: 'appeals_status_check', expression: "status in ('open', 'upheld', 'denied')" }],
  indexes: [
    {
      name: 'appeals_decision_key',
      expression: 'create unique index "appeals_decision_key" on "trust_safety"."appeals" ("decision_id")',
    },
    { name: 'appeals_appellant_idx', properties: ['appellantId', 'createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    decisionId: { type: 'uuid' },
    appellantId: { type: 'uuid' },
    text: { type: 'text' },
    status: { type: 'text' },
    itemId: { type: 'uuid' },
    originalModeratorId: { type: 'uuid', nullable: true },
    originalAction: { type: 'text' },
    targetType: { type: 'text' },
    targetId: { type: 'text' },
    decidedBy: { type: 'uuid', nullable: true },
    decisionReason: { type: 'text', nullable: true },
    decidedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

export const SanctionLiftSchema = new EntitySchema<SanctionLift>({
  class: SanctionLift,
  schema: 'trust_safety',
  tableName: 'sanction_lifts',
  indexes: [{ name: 'sanction_lifts_user_idx', properties: ['userId', 'liftedAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid' },
    sanction: { type: 'text' },
    liftedBy: { type: 'uuid' },
    reason: { type: 'text' },
    appealId: { type: 'uuid', nullable: true },
    liftedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

/** Aggregates mapped with EntitySchemas: their events reach the outbox when they flush. */
export const TRUST_SAFETY_APPEAL_ENTITIES = [AppealSchema, SanctionLiftSchema];
