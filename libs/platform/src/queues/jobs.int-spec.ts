import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { RequestContext } from '@mikro-orm/postgresql';
import type { Job, Queue } from 'bull';
import type { AppConfig } from '@config';
import { PlatformModule } from '../platform.module.js';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.js';
import { startTestContext } from '../testing/test-app.js';
import { JobsConfigurationError } from './errors.js';
import { OnJob, OnWorkerStart } from './on-job.js';
import { QueueCatalog } from './queue-catalog.js';
import { QueuesModule } from './queues.module.js';

/** Fails its first two attempts, then succeeds; notes whether each attempt ran in an ORM context. */
@Injectable()
class FlakyJobs {
  static attempts: { attempt: number; inOrmContext: boolean }[] = [];
  static starts = 0;

  @OnJob({
    queue: 'testing.flaky',
    attempts: 3,
    backoff: { type: 'fixed', delay: 20 },
    timeout: 2_000,
    repeat: { every: 3_600_000, jobId: 'testing-flaky-sweep' },
  })
  async run(job: Job<{ id: string }>): Promise<string> {
    FlakyJobs.attempts.push({
      attempt: job.attemptsMade + 1,
      inOrmContext: RequestContext.getEntityManager() !== undefined,
    });
    if (job.attemptsMade < 2) throw new Error(`injected failure ${job.attemptsMade + 1}`);
    return 'done';
  }

  @OnWorkerStart()
  countStart(): void {
    FlakyJobs.starts += 1;
  }
}

/** Never settles by itself: Bull's timeout has to fail it. */
@Injectable()
class StuckJobs {
  static release?: () => void;

  @OnJob({ queue: 'testing.stuck', attempts: 1, timeout: 300 })
  run(): Promise<void> {
    return new Promise((resolve) => (StuckJobs.release = resolve));
  }
}

@Module({
  imports: [QueuesModule.register({ name: 'testing.flaky' }, { name: 'testing.stuck' })],
  providers: [FlakyJobs, StuckJobs],
})
class WellWiredModule {}

@Module({
  imports: [QueuesModule.register({ name: 'testing.flaky' }, { name: 'testing.stuck' }, { name: 'testing.orphan' })],
  providers: [FlakyJobs, StuckJobs],
})
class QueueWithoutHandlerModule {}

@Injectable()
class MisdirectedJobs {
  @OnJob({ queue: 'testing.nowhere' })
  run(): void {}
}

@Module({
  imports: [QueuesModule.register({ name: 'testing.flaky' }, { name: 'testing.stuck' })],
  providers: [FlakyJobs, StuckJobs, MisdirectedJobs],
})
class HandlerWithoutQueueModule {}

@Injectable()
class DisagreeingJobs {
  @OnJob({ queue: 'testing.shared', name: 'a', attempts: 2 })
  a(): void {}

  @OnJob({ queue: 'testing.shared', name: 'b', attempts: 5 })
  b(): void {}
}

@Module({ imports: [QueuesModule.register({ name: 'testing.shared' })], providers: [DisagreeingJobs] })
class DisagreeingOptionsModule {}

/** Schedules as configuration sets them: one whose interval changed since the last boot, one turned off. */
@Injectable()
class ScheduledJobs {
  @OnJob({ queue: 'testing.scheduled', name: 'kept', repeat: { every: 120_000, jobId: 'testing-kept' } })
  kept(): void {}

  @OnJob({ queue: 'testing.scheduled', name: 'off', repeat: { every: 0, jobId: 'testing-off' } })
  off(): void {}
}

@Module({ imports: [QueuesModule.register({ name: 'testing.scheduled' })], providers: [ScheduledJobs] })
class ScheduledJobsModule {}

const processWith =
  (context: abstract new (...args: never[]) => unknown, options: { worker: boolean }) =>
  (config: AppConfig): DynamicModule => ({
    module: class TestProcess {},
    imports: [PlatformModule.forRoot({ config, http: false, worker: options.worker }), context as never],
  });

describe('declarative jobs (@OnJob)', () => {
  let runtime: TestRuntime;

  beforeAll(async () => {
    runtime = await createTestRuntime();
  });
  afterAll(() => runtime.dispose());

  it('refuses to boot when a declared queue has no handler', async () => {
    const boot = startTestContext(processWith(QueueWithoutHandlerModule, { worker: true }), runtime);
    await expect(boot).rejects.toThrow(JobsConfigurationError);
    await expect(boot).rejects.toThrow(/queue 'testing\.orphan' has no @OnJob handler/);
  });

  it('refuses to boot when a handler names a queue no module declares, in the API process too', async () => {
    const boot = startTestContext(processWith(HandlerWithoutQueueModule, { worker: false }), runtime);
    await expect(boot).rejects.toThrow(JobsConfigurationError);
    await expect(boot).rejects.toThrow(
      /MisdirectedJobs\.run handles queue 'testing\.nowhere', which no module declares/,
    );
  });

  it('refuses to boot when the handlers of one queue declare different job options', async () => {
    await expect(startTestContext(processWith(DisagreeingOptionsModule, { worker: false }), runtime)).rejects.toThrow(
      /declare different attempts/,
    );
  });

  it('gives jobs added anywhere (here the API process) the handler’s attempts, backoff and timeout, and leaves running them to workers', async () => {
    const api = await startTestContext(processWith(WellWiredModule, { worker: false }), runtime);
    try {
      const queue = api.get(QueueCatalog).get('testing.flaky');
      const added = await queue.add({ id: 'from-the-api' }, { jobId: 'from-the-api' });
      const stored = await queue.getJob(added.id);
      expect(stored!.opts).toMatchObject({ attempts: 3, backoff: { type: 'fixed', delay: 20 }, timeout: 2_000 });
      // The API process attaches no handler, schedules nothing and runs no worker start hook.
      expect(Object.keys((queue as Queue & { handlers: object }).handlers)).toEqual([]);
      expect(await queue.getRepeatableJobs()).toEqual([]);
      expect(FlakyJobs.starts).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('runs each job in a worker with those attempts and an ORM context, schedules the declared repeat, and times out a stuck job', async () => {
    FlakyJobs.attempts = [];
    const worker = await startTestContext(processWith(WellWiredModule, { worker: true }), runtime);
    try {
      const catalog = worker.get(QueueCatalog);
      const flaky = catalog.get('testing.flaky');
      // The job the API added in the previous test is still waiting, and runs now.
      const job = (await flaky.getJob('from-the-api'))!;
      await expect(job.finished()).resolves.toBe('done');
      expect(FlakyJobs.attempts).toEqual([1, 2, 3].map((attempt) => ({ attempt, inOrmContext: true })));
      expect(FlakyJobs.starts).toBe(1);
      expect(await flaky.getRepeatableJobs()).toEqual([
        expect.objectContaining({ id: 'testing-flaky-sweep', every: 3_600_000 }),
      ]);

      const stuck = await catalog.get('testing.stuck').add({});
      await expect(stuck.finished()).rejects.toThrow(/timed out after 300/);
      StuckJobs.release?.();
    } finally {
      await worker.close();
    }
  });

  it('replaces a schedule whose interval changed and removes one turned off, leaving other schedules alone', async () => {
    const api = await startTestContext(processWith(ScheduledJobsModule, { worker: false }), runtime);
    try {
      // What an earlier boot with other settings left in Redis.
      const queue = api.get(QueueCatalog).get('testing.scheduled');
      await queue.add('kept', {}, { repeat: { every: 60_000 }, jobId: 'testing-kept' });
      await queue.add('off', {}, { repeat: { every: 60_000 }, jobId: 'testing-off' });
      await queue.add('kept', {}, { repeat: { every: 3_600_000 }, jobId: 'testing-elsewhere' });
    } finally {
      await api.close();
    }
    const worker = await startTestContext(processWith(ScheduledJobsModule, { worker: true }), runtime);
    try {
      const schedules = await worker.get(QueueCatalog).get('testing.scheduled').getRepeatableJobs();
      expect(
        schedules.map(({ id, every }) => ({ id, every })).sort((a, b) => String(a.id).localeCompare(String(b.id))),
      ).toEqual([
        { id: 'testing-elsewhere', every: 3_600_000 },
        { id: 'testing-kept', every: 120_000 },
      ]);
    } finally {
      await worker.close();
    }
  });
});
