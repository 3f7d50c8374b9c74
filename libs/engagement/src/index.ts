// Imported by the apps only; other contexts use '@lib/engagement/contracts'.
export { EngagementModule } from './engagement.module.js';
// The recommendation models' offline evaluation, for the CLI (pure functions, no module needed).
export {
  STRATEGIES,
  InteractionLogError,
  evaluateOffline,
  formatInteractions,
  formatVideos,
  generateSyntheticLog,
  parseInteractions,
  parseVideos,
  type EvaluationReport,
} from './domain/recommendations/recommender.js';
export { RecomputeTrending } from './application/trending/recompute/recompute-trending.js';
export { RefreshNeighbours } from './application/recommendations/refresh-neighbours/refresh-neighbours.js';
