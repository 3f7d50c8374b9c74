import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { MikroORM, RequestContext } from '@mikro-orm/postgresql';
import { AppConfig } from '@config';
import { ProcessRole } from '@lib/platform';
import { PartitionMaintenance } from '../../application/event-store.js';
import { ExportProducer } from '../../application/exports/export-producer.js';
import { EXPORT_QUEUE, MAINTENANCE_QUEUE } from '../../application/exports/export-queue.js';
import { RollupRunner } from '../../application/rollup-runner.js';
import { WeeklyReports } from '../../application/weekly-reports.js';

const PARTITIONS_EVERY_MS = 3_600_000;
const WEEKLY_REPORTS_CRON = '0 6 * * 1';

/**
 * The worker side of insights, all as Bull jobs: rollups catch up every INSIGHTS_ROLLUP_INTERVAL_SECONDS
 * (repeatable: one schedule however many workers), partitions are created ahead and expired ones
 * dropped hourly, weekly reports go out on Mondays, exports run as they are requested.
 */
@Injectable()
export class InsightsJobs implements OnApplicationBootstrap {
  private readonly logger = new Logger(InsightsJobs.name);

  constructor(
    @InjectQueue(EXPORT_QUEUE) private readonly exportQueue: Queue<{ exportId: string }>,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenanceQueue: Queue,
    private readonly producer: ExportProducer,
    private readonly rollups: RollupRunner,
    private readonly partitions: PartitionMaintenance,
    private readonly weekly: WeeklyReports,
    private readonly config: AppConfig,
    private readonly role: ProcessRole,
    private readonly orm: MikroORM,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.role.worker) return;
    const inContext = <T>(work: () => Promise<T>) => RequestContext.create(this.orm.em, work);
    void this.exportQueue.process(2, (job) => inContext(() => this.producer.produce(job.data.exportId)));
    void this.maintenanceQueue.process('rollups', 1, () => inContext(() => this.rollups.catchUp()));
    void this.maintenanceQueue.process('partitions', 1, () => inContext(() => this.maintainPartitions()));
    void this.maintenanceQueue.process('weekly-reports', 1, () => inContext(() => this.weekly.sendDue()));
    await this.maintenanceQueue.add('rollups', {}, { repeat: { every: this.config.insights.rollupIntervalMs }, jobId: 'insights-rollups' });
    await this.maintenanceQueue.add('partitions', {}, { repeat: { every: PARTITIONS_EVERY_MS }, jobId: 'insights-partitions' });
    await this.maintenanceQueue.add('weekly-reports', {}, { repeat: { cron: WEEKLY_REPORTS_CRON, tz: 'UTC' }, jobId: 'insights-weekly-reports' });
    // Once at boot too: a repeatable job's first run waits a whole interval.
    await this.maintenanceQueue.add('partitions', {}, { jobId: `insights-partitions-boot-${new Date().toISOString().slice(0, 13)}` });
  }

  private async maintainPartitions(): Promise<{ created: number; dropped: number }> {
    const now = new Date();
    const created = await this.partitions.ensureAhead(now, this.config.insights.partitionsAheadDays);
    const dropped = await this.partitions.dropExpired(now, this.config.insights.retentionDays);
    if (created || dropped) this.logger.log({ created, dropped }, 'event partitions maintained');
    return { created, dropped };
  }
}
