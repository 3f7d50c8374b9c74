import { EntitySchema } from '@mikro-orm/postgresql';
import { ModerationDecision } from '../../domain/actions/moderation-decision.js';

export const ModerationDecisionSchema = new EntitySchema<ModerationDecision>({
  class: ModerationDecision as unknown as new () => ModerationDecision,
  schema: 'trust_safety',
  tableName: 'decisions',
  indexes: [
    {
      name: 'decisions_item_key',
      expression:
        'create unique index "decisions_item_key" on "trust_safety"."decisions" ("item_id") where item_id is not null',
    },
    { name: 'decisions_subject_idx', properties: ['subjectUserId', 'createdAt'] },
    {
      name: 'decisions_triggered_by_idx',
      expression:
        'create index "decisions_triggered_by_idx" on "trust_safety"."decisions" ("triggered_by_id") where triggered_by_id is not null',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    itemId: { type: 'uuid', nullable: true },
    moderatorId: { type: 'uuid', nullable: true },
    action: { type: 'text' },
    targetType: { type: 'text' },
    targetId: { type: 'text' },
    subjectUserId: { type: 'uuid', nullable: true },
    reason: { type: 'text' },
    rule: { type: 'text', nullable: true },
    timeoutHours: { type: 'integer', nullable: true },
    triggeredById: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

/** Mapped with an EntitySchema: the decision is an aggregate whose events reach the outbox. */
export const TRUST_SAFETY_MODERATION_ENTITIES = [ModerationDecisionSchema];

/** Reached with SQL only (upserts, priority ordering, the hash chain). */
export const TRUST_SAFETY_MODERATION_SQL_ONLY_TABLES = [
  'trust_safety.reports',
  'trust_safety.review_items',
  'trust_safety.account_sanctions',
  'trust_safety.audit_log',
];
