import { RatingTally } from './rating-tally.js';
import { RatingWithdrawn, VideoRated } from './rating.events.js';

const video = { videoId: 'v', channelId: 'c', creatorId: 'u' };

describe('a video’s rating tally', () => {
  it('moves a changed rating between stars and keeps the average to two decimals', () => {
    const tally = RatingTally.start('v');
    tally.rate('ann', null, 5, video);
    tally.rate('bob', null, 4, video);
    tally.rate('cat', null, 4, video);
    expect(tally.average).toBe(4.33);
    expect(tally.rate('ann', 5, 5, video)).toBe(false);
    tally.rate('ann', 5, 1, video);
    expect(tally.distribution).toEqual([1, 0, 0, 2, 0]);
    tally.withdraw('bob', 4, video);
    expect([tally.count, tally.average]).toEqual([2, 2.5]);
    const events = tally.pullDomainEvents();
    expect(events.filter((event) => event instanceof VideoRated)).toHaveLength(4);
    expect(events.filter((event) => event instanceof RatingWithdrawn)).toHaveLength(1);
  });

  it('refuses anything but whole stars from 1 to 5', () => {
    for (const stars of [0, 6, 2.5, Number.NaN])
      expect(() => RatingTally.start('v').rate('ann', null, stars, video)).toThrow(
        expect.objectContaining({ code: 'engagement.rating.invalid' }),
      );
  });
});
