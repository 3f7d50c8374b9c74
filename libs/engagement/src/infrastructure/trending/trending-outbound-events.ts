import { OutboundEventMap } from '@lib/platform';
import { VideoTrendScore, VideoTrendScoresChangedV1 } from '../../contracts/index.js';
import { VideoTrendScoresChanged } from '../../domain/trending/trend-recompute.js';

/** The trending job's one outbound fact: changed video scores for the catalog, ≤ 500 a message. */
export const trendingOutboundEvents = new OutboundEventMap().on(
  VideoTrendScoresChanged,
  (event) =>
    new VideoTrendScoresChangedV1({
      // Instances, not plain objects: the contract validates each score as a nested class.
      scores: event.scores.map(({ videoId, score }) => Object.assign(new VideoTrendScore(), { videoId, score })),
      computedAt: event.computedAt.toISOString(),
    }),
);
