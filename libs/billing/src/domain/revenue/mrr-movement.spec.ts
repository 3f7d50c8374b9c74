import { classifyMovement, monthlyRecurringAmount } from './mrr-movement.js';

describe('classifying an MRR movement', () => {
  it.each([
    // [before, after, had revenue before, kind]
    [0, 499, false, 'new'],
    [0, 499, true, 'reactivation'],
    [499, 999, true, 'expansion'],
    [999, 799, true, 'contraction'],
    [416, 0, true, 'churn'],
    [1, 0, true, 'churn'],
    [0, 1, false, 'new'],
  ] as const)('%i → %i (had revenue: %s) is %s', (mrrBefore, mrrAfter, hadRevenueBefore, kind) => {
    expect(classifyMovement({ mrrBefore, mrrAfter }, hadRevenueBefore)).toBe(kind);
  });

  it('is no movement when MRR stays the same: a trial start, a pause of a trial, a same-price plan switch', () => {
    expect(classifyMovement({ mrrBefore: 0, mrrAfter: 0 }, false)).toBeNull();
    expect(classifyMovement({ mrrBefore: 0, mrrAfter: 0 }, true)).toBeNull();
    expect(classifyMovement({ mrrBefore: 799, mrrAfter: 799 }, true)).toBeNull();
  });
});

describe('the monthly recurring amount of a price', () => {
  it('is the price itself when billed monthly', () => {
    expect(monthlyRecurringAmount(499, 'month')).toBe(499);
  });

  it('is a twelfth of a yearly price, rounded to the nearest minor unit', () => {
    expect(monthlyRecurringAmount(4990, 'year')).toBe(416); // 415.833…
    expect(monthlyRecurringAmount(999, 'year')).toBe(83); // 83.25
    expect(monthlyRecurringAmount(1002, 'year')).toBe(84); // 83.5 rounds up
    expect(monthlyRecurringAmount(12000, 'year')).toBe(1000);
    expect(monthlyRecurringAmount(0, 'year')).toBe(0);
  });

  it('refuses amounts that are not whole, non-negative minor units', () => {
    expect(() => monthlyRecurringAmount(4.99, 'month')).toThrow(RangeError);
    expect(() => monthlyRecurringAmount(-100, 'year')).toThrow(RangeError);
    expect(() => monthlyRecurringAmount(Number.NaN, 'year')).toThrow(RangeError);
  });
});
