import type { Job, JobOptions } from 'bull';
import type { AppConfig } from '@config';

/**
 * A repeatable schedule; `jobId` names it in Redis, so renaming it leaves the old schedule behind. At boot the
 * worker replaces a schedule of that `jobId` whose interval changed; `every: 0` turns it off (removes it).
 */
export type JobSchedule = ({ every: number } | { cron: string; tz?: string }) & { jobId: string };

/** Read from the configuration at boot, or fixed. */
export type Configured<T> = T | ((config: AppConfig) => T);

export interface JobDeclaration {
  /** The queue, declared by the context with `QueuesModule.register({ name })`. */
  queue: string;
  /** A named job on a queue shared by several handlers; omitted: the queue's only handler. */
  name?: string;
  /** Jobs of this handler run at once in each worker process (default 1). */
  concurrency?: Configured<number>;
  /** Attempts before the job lands in the failed list (platform default 5). */
  attempts?: number;
  backoff?: JobOptions['backoff'];
  /** Longest one attempt may run, in ms; `false` when the work bounds itself (ffmpeg's own timeout). */
  timeout?: number | false;
  removeOnComplete?: JobOptions['removeOnComplete'];
  removeOnFail?: JobOptions['removeOnFail'];
  /** Added as a repeatable job by the worker (one schedule however many workers run). */
  repeat?: Configured<JobSchedule>;
}

/** The job options a declaration sets on its queue (what producers' `add()` then inherits). */
export type DeclaredJobOptions = Pick<
  JobDeclaration,
  'attempts' | 'backoff' | 'timeout' | 'removeOnComplete' | 'removeOnFail'
>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of every payload type sit in one list; each method declares its own Job<T>
export type JobHandler<T = any> = (job: Job<T>) => unknown;

const ON_JOB = Symbol('showrunner:on-job');
const ON_WORKER_START = Symbol('showrunner:on-worker-start');

/**
 * Declares the method that handles a queue's jobs (immich's `@OnJob`, for Bull). The platform runs it
 * in worker processes only, each job in its own ORM context, with the declared attempts, backoff and
 * timeout; boot fails when a declared queue has no handler or a handler names an undeclared queue.
 */
export function OnJob(declaration: JobDeclaration): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(ON_JOB, declaration, descriptor.value as object);
  };
}

/** Boot work for worker processes only (reconciling jobs from the database), in an ORM context, after the handlers are attached. */
export function OnWorkerStart(): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(ON_WORKER_START, true, descriptor.value as object);
  };
}

export function jobDeclarationOf(method: unknown): JobDeclaration | undefined {
  return typeof method === 'function' ? (Reflect.getMetadata(ON_JOB, method) as JobDeclaration | undefined) : undefined;
}

export function isWorkerStartHook(method: unknown): boolean {
  return typeof method === 'function' && Reflect.getMetadata(ON_WORKER_START, method) === true;
}
