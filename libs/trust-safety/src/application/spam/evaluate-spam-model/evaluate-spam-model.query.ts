import { Query } from '@nestjs/cqrs';
import type { SpamMetrics } from '../../../domain/spam/spam-metrics.js';

export interface SpamEvaluation {
  version: string;
  trainedAt: Date;
  trainedOn: { corpus: number; moderated: number };
  /** Measured now on the held-out part of the corpus, one row per reported threshold. */
  metrics: SpamMetrics[];
}

/** Measures the newest stored model on the held-out part of the corpus. */
export class EvaluateSpamModelQuery extends Query<SpamEvaluation> {}
