/**
 * The recommendation models' seam: what serving (application/recommendations) feeds the pure models,
 * and what they give back. Serving reads everything from read models first, then calls these
 * synchronously, so the same code ranks a live request and an offline evaluation (docs/adr/0043).
 *
 * - `types.ts` — the vocabulary (signals, features, profiles, ranked items, strategies);
 * - `signals.ts` — `signalWeight` (weights per kind, 14-day half-life) and `profileFromSignals`;
 * - `co-watch.ts` — `coWatchSimilarity` and the incremental `CoWatchModel`;
 * - `content-index.ts` — `ContentIndex` (TF-IDF over metadata, inverted index);
 * - `ranking.ts` — `rank` (random, popularity, item-cf, content, hybrid with MMR and freshness);
 * - `evaluation.ts`, `interaction-log.ts`, `synthetic-log.ts` — the offline evaluation.
 */
export * from './types.js';
export {
  SIGNAL_HALF_LIFE_DAYS,
  SIGNAL_WEIGHTS,
  VIEW_THRESHOLD_SECONDS,
  WATCH_TIME_SATURATION_SECONDS,
  baseWeight,
  decay,
  profileFromSignals,
  signalWeight,
  type ProfileOptions,
} from './signals.js';
export { CO_WATCH_SHRINKAGE, CoWatchModel, coWatchSimilarity, type CoWatchOptions } from './co-watch.js';
export { CONTENT_FAMILY_WEIGHTS, ContentIndex, durationBucket, terms } from './content-index.js';
export { RANKING, rank } from './ranking.js';
export {
  INTERACTION_COLUMNS,
  VIDEO_COLUMNS,
  InteractionLogError,
  formatCsv,
  formatInteractions,
  formatVideos,
  parseCsv,
  parseInteractions,
  parseVideos,
  type Follow,
  type InteractionLog,
} from './interaction-log.js';
export { generateSyntheticLog, type SyntheticLogOptions } from './synthetic-log.js';
export { evaluateOffline, type EvaluationOptions, type EvaluationReport, type StrategyMetrics } from './evaluation.js';
