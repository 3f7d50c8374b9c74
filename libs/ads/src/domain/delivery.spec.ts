import {
  DAY_MS,
  deliverable,
  impressionsInWindow,
  matchesTargeting,
  pacingRatio,
  parseCapState,
  selectCreative,
  type CapState,
  type LiveCampaign,
  type LiveCreative,
  type ViewerContext,
} from './delivery.js';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 1);
const campaign = (overrides: Partial<LiveCampaign> = {}): LiveCampaign => ({
  id: 'c1',
  startsAt: start,
  endsAt: start + 10 * DAY_MS,
  cpm: 1000,
  totalBudget: 10_000,
  dailyBudget: null,
  impressionGoal: null,
  targeting: {},
  spentMillis: 0,
  spentTodayMillis: 0,
  impressions: 0,
  impressionsToday: 0,
  ...overrides,
});
const viewer: ViewerContext = { country: 'US', device: 'mobile', language: 'en', category: 'cooking' };
const policy = { capPerWindow: 3, capWindowMs: 24 * HOUR, pacingSlack: 0.05 };

describe('targeting', () => {
  it('matches everyone when no list is set, and only listed values otherwise', () => {
    expect(matchesTargeting({}, viewer)).toBe(true);
    expect(matchesTargeting({ countries: ['US', 'CA'], devices: ['mobile'] }, viewer)).toBe(true);
    expect(matchesTargeting({ countries: ['FR'] }, viewer)).toBe(false);
    expect(matchesTargeting({ devices: ['desktop'] }, viewer)).toBe(false);
    expect(matchesTargeting({ languages: ['fr'] }, viewer)).toBe(false);
    expect(matchesTargeting({ categories: ['gaming'] }, viewer)).toBe(false);
  });

  it('never matches an unknown value against a list', () => {
    expect(matchesTargeting({ countries: ['US'] }, { ...viewer, country: null })).toBe(false);
    expect(matchesTargeting({ categories: ['cooking'] }, { ...viewer, category: null })).toBe(false);
  });
});

describe('pacing', () => {
  it('serves nothing before or after the flight', () => {
    expect(deliverable(campaign(), start - 1, 0.05)).toBe(false);
    expect(deliverable(campaign(), start + 10 * DAY_MS, 0.05)).toBe(false);
    expect(deliverable(campaign(), start + DAY_MS, 0.05)).toBe(true);
  });

  it('stops an exhausted budget or a reached impression goal', () => {
    const late = start + 9 * DAY_MS;
    expect(deliverable(campaign({ spentMillis: 10_000_000 }), late, 0.05)).toBe(false);
    expect(deliverable(campaign({ totalBudget: null, impressionGoal: 5, impressions: 5 }), late, 0.05)).toBe(false);
    expect(deliverable(campaign({ totalBudget: null, impressionGoal: 5, impressions: 4 }), late, 0.05)).toBe(true);
  });

  it('holds a campaign back when it spent more than its elapsed share of the flight (plus slack)', () => {
    const dayOne = start + DAY_MS; // 10% of the flight: even delivery allows 15% of 10,000 = 1,500 minor units
    expect(deliverable(campaign({ spentMillis: 1_400_000 }), dayOne, 0.05)).toBe(true);
    expect(deliverable(campaign({ spentMillis: 1_510_000 }), dayOne, 0.05)).toBe(false);
    // Later in the flight the same spend is behind pace again.
    expect(deliverable(campaign({ spentMillis: 1_510_000 }), start + 2 * DAY_MS, 0.05)).toBe(true);
  });

  it('spreads a daily budget over the UTC day', () => {
    const sixAm = start + 6 * HOUR; // 25% of the day (+5% slack) of 1,000 = 300
    const daily = (spentTodayMillis: number) => campaign({ totalBudget: null, dailyBudget: 1000, spentTodayMillis });
    expect(deliverable(daily(290_000), sixAm, 0.05)).toBe(true);
    expect(deliverable(daily(300_000), sixAm, 0.05)).toBe(false);
    expect(deliverable(daily(1_000_000), start + 23 * HOUR, 0.05)).toBe(false);
  });

  it('lets a fresh flight start at all thanks to the slack, and not without it', () => {
    expect(deliverable(campaign(), start, 0.05)).toBe(true);
    expect(pacingRatio(campaign({ spentMillis: 1 }), start, 0)).toBeNull();
  });
});

describe('frequency capping', () => {
  it('counts impressions inside the window only', () => {
    const state: CapState = { count: 3, windowStart: start };
    expect(impressionsInWindow(state, start + 23 * HOUR, 24 * HOUR)).toBe(3);
    expect(impressionsInWindow(state, start + 24 * HOUR, 24 * HOUR)).toBe(0);
    expect(impressionsInWindow(undefined, start, 24 * HOUR)).toBe(0);
  });

  it('reads Redis values and treats garbage as nothing', () => {
    expect(parseCapState('2:1700000000000')).toEqual({ count: 2, windowStart: 1_700_000_000_000 });
    expect(parseCapState('nonsense')).toBeUndefined();
    expect(parseCapState(null)).toBeUndefined();
  });
});

describe('selection', () => {
  const creative = (id: string, campaignId: string): LiveCreative => ({
    id,
    campaignId,
    placement: 'preroll',
    clickUrl: 'https://example.com',
    videoId: 'v',
    imageUrl: null,
  });
  const now = start + DAY_MS;

  it('picks the highest CPM among deliverable, targeted, uncapped creatives', () => {
    const campaigns = new Map([
      ['cheap', campaign({ id: 'cheap', cpm: 500 })],
      ['rich', campaign({ id: 'rich', cpm: 2000 })],
      ['elsewhere', campaign({ id: 'elsewhere', cpm: 9000, targeting: { countries: ['FR'] } })],
    ]);
    const creatives = [creative('a', 'cheap'), creative('b', 'rich'), creative('c', 'elsewhere')];
    expect(selectCreative(creatives, campaigns, viewer, new Map(), now, policy)?.creative.id).toBe('b');
  });

  it('skips a creative once the viewer reached its cap, and returns nothing when all are capped', () => {
    const campaigns = new Map([['rich', campaign({ id: 'rich', cpm: 2000 })]]);
    const creatives = [creative('b1', 'rich'), creative('b2', 'rich')];
    const capped = new Map([['b1', { count: 3, windowStart: now - HOUR }]]);
    expect(selectCreative(creatives, campaigns, viewer, capped, now, policy)?.creative.id).toBe('b2');
    capped.set('b2', { count: 3, windowStart: now - HOUR });
    expect(selectCreative(creatives, campaigns, viewer, capped, now, policy)).toBeNull();
  });

  it('applies a campaign’s own frequency cap instead of the default', () => {
    const seen = new Map([['b1', { count: 1, windowStart: now - HOUR }]]);
    const once = new Map([['rich', campaign({ id: 'rich', frequencyCap: 1 })]]);
    expect(selectCreative([creative('b1', 'rich')], once, viewer, seen, now, policy)).toBeNull();
    const five = new Map([['rich', campaign({ id: 'rich', frequencyCap: 5 })]]);
    seen.set('b1', { count: 4, windowStart: now - HOUR });
    expect(selectCreative([creative('b1', 'rich')], five, viewer, seen, now, policy)?.creative.id).toBe('b1');
  });

  it('prefers the campaign furthest behind its pace at equal CPM', () => {
    const campaigns = new Map([
      ['ahead', campaign({ id: 'ahead', spentMillis: 1_000_000 })],
      ['behind', campaign({ id: 'behind', spentMillis: 0 })],
    ]);
    const creatives = [creative('a', 'ahead'), creative('z', 'behind')];
    expect(selectCreative(creatives, campaigns, viewer, new Map(), now, policy)?.campaign.id).toBe('behind');
  });

  it('never serves an expired or exhausted campaign, however rich', () => {
    const campaigns = new Map([
      ['expired', campaign({ id: 'expired', cpm: 9000, endsAt: now - 1 })],
      ['exhausted', campaign({ id: 'exhausted', cpm: 9000, totalBudget: null, impressionGoal: 1, impressions: 1 })],
    ]);
    const creatives = [creative('a', 'expired'), creative('b', 'exhausted')];
    expect(selectCreative(creatives, campaigns, viewer, new Map(), now, policy)).toBeNull();
  });
});
