/** The worker's queue for the repeatable trending recompute (interface/trending/trending.jobs.ts). */
export const TRENDING_QUEUE = 'engagement.trending-recompute';
