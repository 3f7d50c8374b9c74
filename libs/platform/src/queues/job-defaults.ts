import type { JobOptions } from 'bull';

/**
 * The conventions every queue starts from: retried with exponential backoff, bounded in time, and
 * completed jobs kept for a while (Bull Board shows them, and a kept job id still dedupes re-adds).
 * A queue's `@OnJob` handler overrides them where it is declared.
 */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  timeout: 60_000,
  removeOnComplete: { age: 24 * 3_600, count: 1_000 },
  removeOnFail: { age: 14 * 24 * 3_600 },
};

export interface QueueDeclaration {
  /** `<context>.<job>`, e.g. `studio.transcode`. */
  name: string;
  /**
   * Who processes it: `@OnJob` handlers (the default; their declaration carries the job options), or
   * the integration event consumer of the same name (the relay sets each job's options).
   */
  processedBy?: 'jobs' | 'event-consumer';
}
