import { EntitySchema } from '@mikro-orm/postgresql';
import { AdRevenueSettlement } from '../../domain/revenue-settlement.js';

const schema = 'ads';
// Built by its constructor; the ORM builds loaded ones without it.
const asClass = <T>(type: unknown) => type as new () => T;

export const AdRevenueSettlementSchema = new EntitySchema<AdRevenueSettlement>({
  class: asClass<AdRevenueSettlement>(AdRevenueSettlement),
  schema,
  tableName: 'revenue_settlements',
  properties: {
    id: { type: 'uuid', primary: true },
    creatorId: { type: 'uuid', nullable: true },
    currency: { type: 'text' },
    impressions: { type: 'integer' },
    grossMillis: { type: 'double' },
    share: { type: 'double' },
    grossAmount: { type: 'integer' },
    shareAmount: { type: 'integer' },
    settledAt: { type: 'datetime' },
  } as never, // no `version`: a settlement is written once and never changes
});

export const ADS_ENTITIES = [AdRevenueSettlementSchema];

/** Tables the migrations create and ads reaches with SQL only. */
export const ADS_SQL_ONLY_TABLES = [
  'ads.advertisers',
  'ads.campaigns',
  'ads.creatives',
  'ads.impressions',
  'ads.clicks',
  'ads.daily_stats',
];
