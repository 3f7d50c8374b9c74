import { checkCampaignTerms, checkCreative, type CampaignTerms } from './campaign.js';
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
