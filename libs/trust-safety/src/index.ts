// The trust & safety context's entry for the apps; other contexts import only '@lib/trust-safety/contracts'.
export { TrustSafetyModule } from './trust-safety.module.js';
export { TrainSpamModelCommand } from './application/spam/train-spam-model/train-spam-model.command.js';
export {
  EvaluateSpamModelQuery,
  type SpamEvaluation,
} from './application/spam/evaluate-spam-model/evaluate-spam-model.query.js';
export type { SpamMetrics } from './domain/spam/spam-metrics.js';
