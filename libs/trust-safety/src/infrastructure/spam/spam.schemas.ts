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
  properties: {
    id: { type: 'uuid', primary: true },
    text: { type: 'text' },
    isSpam: { type: 'boolean' },
    decidedBy: { type: 'uuid' },
    decidedAt: { type: 'datetime' },
  },
});
