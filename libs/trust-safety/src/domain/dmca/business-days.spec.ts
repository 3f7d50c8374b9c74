import { addBusinessDays } from './business-days.js';

describe('addBusinessDays', () => {
  it('skips weekends: 10 business days from a Monday is the Monday two weeks on', () => {
    expect(addBusinessDays(new Date('2026-12-07T09:30:00Z'), 10).toISOString()).toBe('2026-12-21T09:30:00.000Z');
  });

  it('starting on a Friday, the first business day is the next Monday', () => {
    expect(addBusinessDays(new Date('2026-12-04T12:00:00Z'), 1).toISOString()).toBe('2026-12-07T12:00:00.000Z');
  });

  it('starting on a Saturday counts from the Monday', () => {
    expect(addBusinessDays(new Date('2026-12-05T12:00:00Z'), 14).toISOString()).toBe('2026-12-24T12:00:00.000Z');
  });
});
