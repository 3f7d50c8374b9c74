import { EntitySchema } from '@mikro-orm/postgresql';
import { SpamExample, SpamModel } from '../../domain/spam/spam-model.js';
import { TRUST_SAFETY_SCHEMA } from '../screening/screening.schemas.js';

export const SpamModelSchema = new EntitySchema<SpamModel>({
  class: SpamModel,
  schema: TRUST_SAFETY_SCHEMA,
  tableName: 'spam_models',
  indexes: [{ name: 'spam_models_trained_at_idx', properties: ['trainedAt'] }],
  properties: {
    version: { type: 'text', primary: true },
    algorithm: { type: 'text' },
    parameters: { type: 'text', lazy: true },
    trainedOn: { type: 'json' },
    metrics: { type: 'json' },
    trainedAt: { type: 'datetime' },
  },
});

export const SpamExampleSchema = new EntitySchema<SpamExample>({
  class: SpamExample,
  schema: TRUST_SAFETY_SCHEMA,
  tableName: 'spam_examples',
  indexes: [
    {
      name: 'spam_examples_decision_key',
      expression:
        'create unique index "spam_examples_decision_key" on "trust_safety"."spam_examples" ("decision_id") where decision_id is not null',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    text: { type: 'text' },
    isSpam: { type: 'boolean' },
    decidedBy: { type: 'uuid' },
    decidedAt: { type: 'datetime' },
    decisionId: { type: 'uuid', nullable: true },
    flaggedByModel: { type: 'boolean', default: false },
  },
});
