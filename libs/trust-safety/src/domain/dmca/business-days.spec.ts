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

describe('addBusinessDays with holidays', () => {
  const holidays = new Set(['2026-12-25', '2027-01-01']);

  it('counts holidays out like weekends: ten business days over Christmas and New Year take two more days', () => {
    // Mon 21 Dec 2026 + 10: without holidays Mon 4 Jan; Fri 25 Dec and Fri 1 Jan do not count.
    expect(addBusinessDays(new Date('2026-12-21T10:00:00Z'), 10).toISOString()).toBe('2027-01-04T10:00:00.000Z');
    expect(addBusinessDays(new Date('2026-12-21T10:00:00Z'), 10, holidays).toISOString()).toBe(
      '2027-01-06T10:00:00.000Z',
    );
  });

  it('a holiday on a weekend changes nothing, and the day a counter-notice arrives is never counted', () => {
    expect(addBusinessDays(new Date('2026-12-04T12:00:00Z'), 1, new Set(['2026-12-05'])).toISOString()).toBe(
      '2026-12-07T12:00:00.000Z',
    );
    expect(addBusinessDays(new Date('2026-12-24T23:00:00Z'), 1, holidays).toISOString()).toBe(
      '2026-12-28T23:00:00.000Z',
    );
  });
});
