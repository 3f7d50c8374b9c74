import { inRequestContext } from '../persistence/request-context.js';
import { Injectable, Logger, Optional, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Job, JobOptions, Queue } from 'bull';
import { isDeepStrictEqual } from 'node:util';
import { AppConfig } from '@config';
import { Metrics } from '../observability/metrics.js';
import { ProcessRole } from '../process-role.js';
import { DEFAULT_JOB_OPTIONS } from './job-defaults.js';
import { JobsConfigurationError } from './errors.js';
import {
  isWorkerStartHook,
  jobDeclarationOf,
  type DeclaredJobOptions,
  type JobDeclaration,
  type JobHandler,
} from './on-job.js';
import { QueueCatalog } from './queue-catalog.js';

interface DeclaredHandler {
  declaration: JobDeclaration;
  /** `Class.method`, for messages. */
  where: string;
  run: JobHandler;
}

const JOB_OPTION_KEYS = [
  'attempts',
  'backoff',
  'timeout',
  'removeOnComplete',
  'removeOnFail',
] as const satisfies (keyof DeclaredJobOptions)[];

/**
 * Finds every `@OnJob` / `@OnWorkerStart` method of the process's providers. At module init (every
 * process) it checks them against the declared queues and gives each queue its declared job options,
 * so producers in the API add jobs with them too; at bootstrap, in workers only, it attaches the
 * handlers (each job in its own ORM context), adds the repeatable schedules and runs the start hooks.
 */
@Injectable()
export class JobRunner implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(JobRunner.name);
  private handlers: DeclaredHandler[] = [];
  private startHooks: { where: string; run: () => unknown }[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly catalog: QueueCatalog,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
    private readonly config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  onModuleInit(): void {
    this.discover();
    const problems = this.check();
    if (problems.length) throw new JobsConfigurationError(problems);
    for (const [queueName, handlers] of this.byQueue()) {
      // Bull reads defaultJobOptions at every add() (its typings omit the field).
      const queue = this.catalog.get(queueName) as Queue & { defaultJobOptions: JobOptions };
      queue.defaultJobOptions = this.jobOptions(handlers.map((handler) => handler.declaration));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.worker) return;
    for (const { declaration, run } of this.handlers) {
      const queue = this.catalog.get(declaration.queue);
      const concurrency = this.configured(declaration.concurrency) ?? 1;
      const inContext = async (job: Job) => {
        try {
          const result = await inRequestContext(this.orm.em, async () => run(job));
          this.metrics?.jobsProcessed.inc({ queue: queue.name, outcome: 'completed' });
          return result;
        } catch (error) {
          this.metrics?.jobsProcessed.inc({ queue: queue.name, outcome: 'failed' });
          throw error;
        }
      };
      const processing = declaration.name
        ? queue.process(declaration.name, concurrency, inContext)
        : queue.process(concurrency, inContext);
      processing.catch((error: unknown) =>
        this.logger.error({ queue: queue.name, err: error }, 'queue processing stopped'),
      );
    }
    for (const { declaration } of this.handlers) {
      const schedule = this.configured(declaration.repeat);
      if (!schedule) continue;
      const { jobId, ...repeat } = schedule;
      const queue = this.catalog.get(declaration.queue);
      // Bull keys a schedule by its interval too: a changed (or turned off) one would keep running beside the new.
      for (const existing of await queue.getRepeatableJobs()) {
        const same =
          'every' in repeat
            ? existing.every === repeat.every
            : existing.cron === repeat.cron && (existing.tz || null) === (repeat.tz || null);
        if (existing.id === jobId && !(same && isOn(repeat))) await queue.removeRepeatableByKey(existing.key);
      }
      if (!isOn(repeat)) continue;
      const options: JobOptions = { repeat, jobId };
      await (declaration.name ? queue.add(declaration.name, {}, options) : queue.add({}, options));
    }
    for (const hook of this.startHooks) await inRequestContext(this.orm.em, async () => hook.run());
  }

  private discover(): void {
    const seen = new Set<object>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      // Aliases (useExisting) show the same instance again; request-scoped providers have none yet.
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic() || seen.has(instance))
        continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = instance[method] as (...args: unknown[]) => unknown;
        const where = `${instance.constructor.name}.${method}`;
        const declaration = jobDeclarationOf(fn);
        if (declaration) this.handlers.push({ declaration, where, run: (job) => fn.call(instance, job) });
        if (isWorkerStartHook(fn)) this.startHooks.push({ where, run: () => fn.call(instance) });
      }
    }
  }

  private check(): string[] {
    const problems: string[] = [];
    const declared = new Map(this.catalog.declarations().map((queue) => [queue.name, queue]));
    const handled = this.byQueue();
    for (const { declaration, where } of this.handlers) {
      const queue = declared.get(declaration.queue);
      if (!queue)
        problems.push(
          `${where} handles queue '${declaration.queue}', which no module declares (QueuesModule.register)`,
        );
      else if (queue.processedBy === 'event-consumer')
        problems.push(`${where} handles queue '${declaration.queue}', which belongs to an integration event consumer`);
    }
    for (const queue of declared.values()) {
      if ((queue.processedBy ?? 'jobs') === 'jobs' && !handled.has(queue.name)) {
        problems.push(`queue '${queue.name}' has no @OnJob handler: its jobs would wait forever`);
      }
    }
    for (const [queueName, handlers] of handled) {
      const names = new Map<string, string>();
      for (const { declaration, where } of handlers) {
        const jobName = declaration.name ?? '(unnamed)';
        const other = names.get(jobName);
        if (other) problems.push(`${other} and ${where} both handle ${jobName} jobs of queue '${queueName}'`);
        names.set(jobName, where);
      }
      for (const key of JOB_OPTION_KEYS) {
        const values = handlers.filter((handler) => handler.declaration[key] !== undefined);
        if (values.some((handler) => !isDeepStrictEqual(handler.declaration[key], values[0].declaration[key]))) {
          problems.push(
            `handlers of queue '${queueName}' declare different ${key} (${values.map((handler) => handler.where).join(', ')}): job options belong to the queue`,
          );
        }
      }
    }
    return problems;
  }

  private byQueue(): Map<string, DeclaredHandler[]> {
    const byQueue = new Map<string, DeclaredHandler[]>();
    for (const handler of this.handlers)
      byQueue.set(handler.declaration.queue, [...(byQueue.get(handler.declaration.queue) ?? []), handler]);
    return byQueue;
  }

  /** The platform defaults, overridden by what the queue's handlers declare. */
  private jobOptions(declarations: JobDeclaration[]): JobOptions {
    const options: JobOptions = { ...DEFAULT_JOB_OPTIONS };
    for (const declaration of declarations) {
      for (const key of JOB_OPTION_KEYS)
        if (declaration[key] !== undefined) Object.assign(options, { [key]: declaration[key] });
    }
    if (options.timeout === (false as unknown)) delete options.timeout;
    return options;
  }

  private configured<T>(value: T | ((config: AppConfig) => T) | undefined): T | undefined {
    return typeof value === 'function' ? (value as (config: AppConfig) => T)(this.config) : value;
  }
}

/** `every: 0` is a schedule turned off by configuration. */
const isOn = (repeat: { every: number } | { cron: string; tz?: string }) => !('every' in repeat) || repeat.every > 0;
