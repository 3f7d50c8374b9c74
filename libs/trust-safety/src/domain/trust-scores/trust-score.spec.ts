import {
  DEMOTE_BELOW,
  NO_TRUST_INPUTS,
  PROMOTE_AT,
  nextTrustLevel,
  recompute,
  trustScore,
  type ScoredTrustLevel,
  type TrustInputs,
} from './trust-score.js';

const score = (inputs: Partial<TrustInputs>) => trustScore({ ...NO_TRUST_INPUTS, ...inputs });

describe('trust scores', () => {
  it('gives a new, unverified account nothing and weighs each input', () => {
    expect(score({})).toBe(0);
    expect(score({ accountAgeDays: 15 })).toBe(10);
    expect(score({ accountAgeDays: 400 })).toBe(20);
    expect(score({ emailVerified: true })).toBe(20);
    expect(score({ establishedFollowers: 3 })).toBe(15);
    expect(score({ establishedFollowers: 50 })).toBe(25);
    expect(score({ emailVerified: true, acceptedReports: 3 })).toBe(26);
    expect(score({ emailVerified: true, rejectedReports: 2 })).toBe(14);
    // Report accuracy is bounded both ways: spamming accepted reports does not buy trust.
    expect(score({ acceptedReports: 100 })).toBe(10);
    expect(score({ emailVerified: true, accountAgeDays: 30, rejectedReports: 100 })).toBe(25);
  });

  it('takes 25 per confirmed violation, given back by each upheld appeal', () => {
    const clean = score({ emailVerified: true, accountAgeDays: 30, establishedFollowers: 5 });
    expect(clean).toBe(65);
    expect(score({ emailVerified: true, accountAgeDays: 30, establishedFollowers: 5, confirmedViolations: 1 })).toBe(
      40,
    );
    expect(
      score({
        emailVerified: true,
        accountAgeDays: 30,
        establishedFollowers: 5,
        confirmedViolations: 1,
        upheldAppeals: 1,
      }),
    ).toBe(65);
    expect(score({ confirmedViolations: 3 })).toBe(0);
  });

  it('keeps the promotion and demotion thresholds apart', () => {
    for (const level of [1, 2, 3] as const) expect(DEMOTE_BELOW[level]).toBeLessThan(PROMOTE_AT[level]);
    expect(DEMOTE_BELOW[2]).toBeGreaterThan(PROMOTE_AT[1]);
  });

  it('does not flip a level back and forth when the score hovers at a threshold (hysteresis)', () => {
    let level: ScoredTrustLevel = 0;
    const path: ScoredTrustLevel[] = [];
    // Verified (20), then a rejected report (17), an accepted one (19), another rejected (16), accepted (18).
    for (const s of [20, 17, 19, 16, 18, 21, 13]) path.push((level = nextTrustLevel(level, s)));
    expect(path).toEqual([1, 1, 1, 1, 1, 1, 1]);
    // Only a real drop below the demotion threshold demotes, and climbing back needs the promotion one.
    expect(nextTrustLevel(1, 11.9)).toBe(0);
    expect(nextTrustLevel(0, 19.9)).toBe(0);
    expect(nextTrustLevel(0, 12)).toBe(0);
    expect(nextTrustLevel(2, 36)).toBe(2);
    expect(nextTrustLevel(1, 44)).toBe(1);
    expect(nextTrustLevel(1, 45)).toBe(2);
  });

  it('moves several levels at once when the score jumps', () => {
    expect(nextTrustLevel(0, 80)).toBe(3);
    expect(nextTrustLevel(3, 5)).toBe(0);
    expect(nextTrustLevel(3, 40)).toBe(2);
  });

  it('recomputes from facts: age from the account’s creation, the level from the one held so far, the pin kept', () => {
    const now = new Date('2026-12-03T00:00:00Z');
    const facts = {
      userId: 'u',
      accountCreatedAt: new Date('2026-11-18T00:00:00Z'),
      emailVerified: true,
      confirmedViolations: 0,
      acceptedReports: 0,
      rejectedReports: 2,
      upheldAppeals: 0,
      establishedFollowers: 0,
    };
    const pin = { level: 3 as const, by: 'mod', reason: 'verified creator', at: now };
    const fromNew = recompute(facts, null, now);
    expect(fromNew.inputs.accountAgeDays).toBe(15);
    expect(fromNew.score).toBe(24);
    expect(fromNew.level).toBe(1);
    expect(recompute({ ...facts, rejectedReports: 5 }, { level: 1, pin }, now)).toMatchObject({
      score: 15,
      level: 1,
      pin,
    });
    expect(recompute({ ...facts, rejectedReports: 5 }, null, now).level).toBe(0);
  });
});
