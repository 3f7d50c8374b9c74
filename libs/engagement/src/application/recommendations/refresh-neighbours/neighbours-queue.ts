/** The worker's queue for the repeatable neighbour refresh (interface/jobs/recommendation-jobs.ts). */
export const RECS_NEIGHBOURS_QUEUE = 'engagement.recommendation-neighbours';
