import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AppConfig } from '@config';
import { OnJob, OnWorkerStart, type JobDeclaration } from '@lib/platform';
import { PartitionMaintenance } from '../../application/event-store.js';
import { ExportProducer } from '../../application/exports/export-producer.js';
import { ExportRetention } from '../../application/exports/export-retention.js';
import { ExperimentTracking } from '../../application/experiments/experiment-tracking.js';
import { EXPORT_QUEUE, MAINTENANCE_QUEUE } from '../../application/exports/export-queue.js';
import { RollupRunner } from '../../application/rollup-runner.js';
import { WeeklyReports } from '../../application/weekly-reports.js';

// The maintenance jobs share a queue, so they share its options; one attempt, the next run retries.
const MAINTENANCE: JobDeclaration = {
  queue: MAINTENANCE_QUEUE,
  attempts: 1,
  timeout: 10 * 60_000,
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 50 },
};

/**
 * The worker side of insights, all as Bull jobs: rollups catch up every INSIGHTS_ROLLUP_INTERVAL_SECONDS
 * (repeatable: one schedule however many workers), partitions are created ahead and expired ones
 * dropped hourly, weekly reports go out on Mondays, exports run as they are requested.
 */
@Injectable()
export class InsightsJobs {
  private readonly logger = new Logger(InsightsJobs.name);

  constructor(
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenanceQueue: Queue,
    private readonly producer: ExportProducer,
    private readonly rollups: RollupRunner,
    private readonly partitions: PartitionMaintenance,
    private readonly weekly: WeeklyReports,
    private readonly config: AppConfig,
    private readonly exportRetention: ExportRetention,
    private readonly tracking: ExperimentTracking,
  ) {}

  @OnJob({
    queue: EXPORT_QUEUE,
    concurrency: 2,
    attempts: 3,
    backoff: { type: 'exponential', delay: 2_000 },
    timeout: 10 * 60_000,
  })
  produceExport(job: Job<{ exportId: string }>): Promise<unknown> {
    return this.producer.produce(job.data.exportId);
  }

  @OnJob({
    ...MAINTENANCE,
    name: 'rollups',
    repeat: (config) => ({ every: config.insights.rollupIntervalMs, jobId: 'insights-rollups' }),
  })
  catchUpRollups(): Promise<unknown> {
    return this.rollups.catchUp();
  }

  @OnJob({ ...MAINTENANCE, name: 'partitions', repeat: { every: 3_600_000, jobId: 'insights-partitions' } })
  async maintainPartitions(): Promise<{ created: number; dropped: number; impressions: number }> {
    const now = new Date();
    const created = await this.partitions.ensureAhead(now, this.config.insights.partitionsAheadDays);
    const dropped = await this.partitions.dropExpired(now, this.config.insights.retentionDays);
    if (created || dropped) this.logger.log({ created, dropped }, 'event partitions maintained');
    // Recommendation impressions are raw events too: the same retention, except an experiment's own.
    const pruned = await this.tracking.pruneBefore(
      new Date(now.getTime() - this.config.insights.retentionDays * 86_400_000),
    );
    if (pruned.impressions || pruned.videoRows) this.logger.log(pruned, 'old recommendation impressions pruned');
    return { created, dropped, impressions: pruned.impressions };
  }

  /** Exports older than INSIGHTS_EXPORT_RETENTION_DAYS go, files and rows (hourly, one schedule for every worker). */
  @OnJob({ ...MAINTENANCE, name: 'export-retention', repeat: { every: 3_600_000, jobId: 'insights-export-retention' } })
  pruneExports(): Promise<unknown> {
    return this.exportRetention.prune();
  }

  @OnJob({
    ...MAINTENANCE,
    name: 'weekly-reports',
    repeat: { cron: '0 6 * * 1', tz: 'UTC', jobId: 'insights-weekly-reports' },
  })
  sendWeeklyReports(): Promise<unknown> {
    return this.weekly.sendDue();
  }

  /** Partitions once at boot too (one job per hour however many workers start): a repeatable job's first run waits a whole interval. */
  @OnWorkerStart()
  async maintainPartitionsAtStart(): Promise<void> {
    await this.maintenanceQueue.add(
      'partitions',
      {},
      { jobId: `insights-partitions-boot-${new Date().toISOString().slice(0, 13)}` },
    );
  }
}
