import type { RatePolicy } from '@lib/platform';

/** Likes and unlikes per person (videos and comments together): a flood is refused, not counted. */
export const LIKE_RATE: RatePolicy = {
  name: 'engagement-like',
  points: 30,
  windowSeconds: 60,
  code: 'engagement.like.rate-limited',
  message: 'Too many likes at once; try again shortly',
};

export const RATING_RATE: RatePolicy = {
  name: 'engagement-rating',
  points: 30,
  windowSeconds: 60,
  code: 'engagement.rating.rate-limited',
  message: 'Too many ratings at once; try again shortly',
};

/** Players report every few seconds; this leaves room for a few tabs and retries, not a flood. */
export const PROGRESS_RATE: RatePolicy = {
  name: 'engagement-progress',
  points: 40,
  windowSeconds: 60,
  code: 'engagement.progress.rate-limited',
  message: 'Progress is reported every few seconds at most',
};

/** "Not interested" and skips per person: a client reporting every scrolled-past card stays well under it. */
export const RECOMMENDATION_FEEDBACK_RATE: RatePolicy = {
  name: 'engagement-recommendation-feedback',
  points: 120,
  windowSeconds: 60,
  code: 'engagement.recommendation-feedback.rate-limited',
  message: 'Too much recommendation feedback at once; try again shortly',
};
