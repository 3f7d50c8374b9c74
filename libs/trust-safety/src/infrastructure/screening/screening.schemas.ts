import { EntitySchema } from '@mikro-orm/postgresql';
import { Screening } from '../../domain/screening/screening.js';

export const TRUST_SAFETY_SCHEMA = 'trust_safety';

export const ScreeningSchema = new EntitySchema<Screening>({
  class: Screening,
  schema: TRUST_SAFETY_SCHEMA,
  tableName: 'screenings',
  indexes: [
    { name: 'screenings_status_idx', properties: ['status', 'createdAt'] },
    { name: 'screenings_content_idx', properties: ['contentType', 'contentId'] },
    { name: 'screenings_author_idx', properties: ['authorId', 'createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    contentType: { type: 'text' },
    contentId: { type: 'text' },
    authorId: { type: 'uuid' },
    surface: { type: 'text' },
    action: { type: 'text' },
    rule: { type: 'text' },
    signals: { type: 'json' },
    policyVersion: { type: 'integer' },
    spamModelVersion: { type: 'text', nullable: true },
    text: { type: 'text' },
    status: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});
