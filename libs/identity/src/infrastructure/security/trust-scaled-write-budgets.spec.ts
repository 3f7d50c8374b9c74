import { AccountStandings, type AccountStanding, type TrustLevel } from '@lib/trust-safety/contracts';
import { TrustScaledWriteBudgets } from './trust-scaled-write-budgets.js';

/** Trust & safety's port answering from a table, counting how often it is asked. */
class TableStandings extends AccountStandings {
  asked = 0;
  constructor(private readonly levels: Record<string, TrustLevel | 'down'>) {
    super();
  }
  standingOf(userId: string): Promise<AccountStanding> {
    this.asked += 1;
    const level = this.levels[userId];
    if (level === 'down') return Promise.reject(new Error('trust & safety is unavailable'));
    return Promise.resolve({
      userId,
      trustLevel: level ?? 2,
      mutedUntil: null,
      suspended: false,
      banned: false,
      limits: { maxMentions: 5, mayPostLinks: true, mayMessageNonFollowers: true },
    });
  }
}

describe('write budgets scaled by trust', () => {
  it('gives level 0 a quarter, level 1 half and higher levels the whole budget', async () => {
    const budgets = new TrustScaledWriteBudgets(new TableStandings({ newcomer: 0, known: 1, regular: 2, veteran: 4 }));
    expect(await budgets.factorFor('newcomer')).toBe(0.25);
    expect(await budgets.factorFor('known')).toBe(0.5);
    expect(await budgets.factorFor('regular')).toBe(1);
    expect(await budgets.factorFor('veteran')).toBe(1);
  });

  it('gives everyone the whole budget when trust & safety provides no standings, or fails', async () => {
    expect(await new TrustScaledWriteBudgets().factorFor('anyone')).toBe(1);
    expect(await new TrustScaledWriteBudgets(new TableStandings({ someone: 'down' })).factorFor('someone')).toBe(1);
  });

  it('asks once per user while the answer is fresh', async () => {
    const standings = new TableStandings({ newcomer: 0 });
    const budgets = new TrustScaledWriteBudgets(standings);
    for (let i = 0; i < 5; i += 1) await budgets.factorFor('newcomer');
    expect(standings.asked).toBe(1);
  });
});
