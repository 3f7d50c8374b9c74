import { addBusinessDays } from '../../domain/dmca/business-days.js';
import { dmcaHolidays } from './dmca-holidays.js';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('DMCA holidays', () => {
  it('counts the US federal holidays out, as observed, in any year', () => {
    const days = dmcaHolidays(day('2027-12-20'), day('2028-02-20'), new Set(), true);
    // Christmas 2027 is a Saturday: observed on Friday the 24th; New Year 2028 (Saturday) on Friday 2027-12-31.
    expect([...days]).toEqual(expect.arrayContaining(['2027-12-24', '2027-12-31', '2028-01-17', '2028-02-21']));
    expect(days.has('2027-12-25')).toBe(false);
    // Monday 2027-12-20 + 10 business days: the 24th and the 31st do not count.
    expect(addBusinessDays(day('2027-12-20'), 10, days).toISOString().slice(0, 10)).toBe('2028-01-05');
  });

  it('keeps the configured days, and only those when federal holidays are turned off', () => {
    const configured = new Set(['2027-12-23']);
    expect(dmcaHolidays(day('2027-12-20'), day('2028-01-20'), configured, false)).toBe(configured);
    const both = dmcaHolidays(day('2027-12-20'), day('2028-01-20'), configured, true);
    expect(both.has('2027-12-23') && both.has('2027-12-24')).toBe(true);
  });
});
