// Imported by the apps only; other contexts use '@lib/engagement/contracts'.
export { EngagementModule } from './engagement.module.js';
export { RecomputeTrending } from './application/trending/recompute/recompute-trending.js';
export { RefreshNeighbours } from './application/recommendations/refresh-neighbours/refresh-neighbours.js';
