import { MrrMovementRecord } from './mrr-movement.js';
import { MrrMovementRecorded } from './mrr-movement.events.js';

const record = (before: number, after: number, hadRevenueBefore = false) =>
  new MrrMovementRecord(
    '0190f000-0000-7000-8000-000000000001',
    '0190f000-0000-7000-8000-000000000002',
    'creator-plus',
    'usd',
    new Date(),
    before,
    after,
    hadRevenueBefore,
  );

const kindOf = (movement: MrrMovementRecord) =>
  (movement.pullDomainEvents() as MrrMovementRecorded[]).map((event) => event.kind);

describe('an MRR movement, classified once when recorded', () => {
  it('is new from 0 for a subscription that never paid', () => expect(kindOf(record(0, 999))).toEqual(['new']));
  it('is a reactivation from 0 for a subscription that paid before', () =>
    expect(kindOf(record(0, 999, true))).toEqual(['reactivation']));
  it('is an expansion or a contraction between two paid amounts', () => {
    expect(kindOf(record(999, 2_999))).toEqual(['expansion']);
    expect(kindOf(record(2_999, 999))).toEqual(['contraction']);
  });
  it('is churn down to 0', () => expect(kindOf(record(999, 0, true))).toEqual(['churn']));
  it('announces its own id, so consumers key their copy on it', () => {
    const movement = record(0, 999);
    expect(movement.pullDomainEvents()).toEqual([expect.objectContaining({ aggregateId: movement.id })]);
  });
});
