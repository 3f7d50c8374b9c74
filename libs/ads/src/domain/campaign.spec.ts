import { applyCampaignEdit, checkCampaignTerms, checkCreative, type CampaignTerms } from './campaign.js';
import { creatorShare } from './revenue-settlement.js';

const terms: CampaignTerms = {
  advertiserId: 'a',
  name: 'Spring',
  startsAt: new Date('2026-12-01T00:00:00Z'),
  endsAt: new Date('2026-12-31T00:00:00Z'),
  currency: 'USD',
  cpm: 1500,
  totalBudget: 100_000,
  dailyBudget: null,
  impressionGoal: null,
  frequencyCap: null,
  targeting: { countries: ['us', 'US'], languages: ['EN'] },
};

describe('campaign terms', () => {
  it('normalises currency and targeting', () => {
    expect(checkCampaignTerms(terms)).toMatchObject({
      currency: 'usd',
      targeting: { countries: ['US'], languages: ['en'] },
    });
  });

  it('refuses a flight that ends before it starts, an unbounded campaign and bad targeting', () => {
    expect(() => checkCampaignTerms({ ...terms, endsAt: terms.startsAt })).toThrow(
      expect.objectContaining({ code: 'ads.campaign.invalid-flight' }),
    );
    expect(() => checkCampaignTerms({ ...terms, totalBudget: null })).toThrow(
      expect.objectContaining({ code: 'ads.campaign.unbounded' }),
    );
    expect(() => checkCampaignTerms({ ...terms, targeting: { countries: ['USA'] } })).toThrow(
      expect.objectContaining({ code: 'ads.input.invalid' }),
    );
    expect(() => checkCampaignTerms({ ...terms, targeting: { devices: ['fridge' as never] } })).toThrow(
      expect.objectContaining({ code: 'ads.input.invalid' }),
    );
    expect(() => checkCampaignTerms({ ...terms, dailyBudget: 0 })).toThrow(
      expect.objectContaining({ code: 'ads.input.invalid' }),
    );
  });

  it('edits within the rules and never below what was delivered', () => {
    const delivered = { spentMillis: 40_500_000, impressions: 27_000 };
    expect(
      applyCampaignEdit(terms, { name: 'Summer', cpm: 1800, totalBudget: null, impressionGoal: 30_000 }, delivered),
    ).toMatchObject({ name: 'Summer', cpm: 1800, totalBudget: null, impressionGoal: 30_000, currency: 'usd' });
    expect(() => applyCampaignEdit(terms, { totalBudget: 40_000 }, delivered)).toThrow(
      expect.objectContaining({
        code: 'ads.campaign.budget-below-spend',
        details: { totalBudget: 40_000, spent: 40_500 },
      }),
    );
    expect(applyCampaignEdit(terms, { totalBudget: 40_500 }, delivered).totalBudget).toBe(40_500);
    expect(() => applyCampaignEdit(terms, { impressionGoal: 26_999, totalBudget: null }, delivered)).toThrow(
      expect.objectContaining({ code: 'ads.campaign.goal-below-delivered' }),
    );
    expect(() => applyCampaignEdit(terms, { endsAt: new Date('2026-11-30T00:00:00Z') }, delivered)).toThrow(
      expect.objectContaining({ code: 'ads.campaign.invalid-flight' }),
    );
    expect(() => applyCampaignEdit(terms, { totalBudget: null }, delivered)).toThrow(
      expect.objectContaining({ code: 'ads.campaign.unbounded' }),
    );
  });
});

describe('creatives', () => {
  it('wants https click URLs', () => {
    for (const clickUrl of ['http://example.com', 'javascript:alert(1)', 'data:text/html,x', '/relative'])
      expect(() =>
        checkCreative({ placement: 'leaderboard', clickUrl, imageUrl: 'https://cdn.example.com/a.png' }),
      ).toThrow(expect.objectContaining({ code: 'ads.creative.insecure-url' }));
  });

  it('wants a video for a preroll and an image for a banner', () => {
    expect(() =>
      checkCreative({ placement: 'preroll', clickUrl: 'https://x.io', imageUrl: 'https://x.io/a.png' }),
    ).toThrow(expect.objectContaining({ code: 'ads.creative.media-mismatch' }));
    expect(() => checkCreative({ placement: 'rectangle', clickUrl: 'https://x.io', videoId: 'v' })).toThrow(
      expect.objectContaining({ code: 'ads.creative.media-mismatch' }),
    );
  });
});

describe('creator share', () => {
  it('floors to whole minor units without float drift', () => {
    expect(creatorShare(1_000_000, 0.55)).toBe(550);
    expect(creatorShare(1_999, 0.55)).toBe(1);
    expect(creatorShare(0, 0.55)).toBe(0);
  });
});
