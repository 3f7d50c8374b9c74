import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { RealtimeEmitter } from '@lib/platform';
import { ExportRepository } from '../../domain/export.js';
import { ExportNotFoundError } from '../../domain/insights.errors.js';
import { RollupRunner } from '../rollup-runner.js';
import { ExportFiles, ReportRenderer, ReportSource } from './report-source.js';
import { EXPORT_FAILED, EXPORT_READY } from '../realtime-events.js';

export const EXPORT_PAGE_SIZE = 1_000;
export const downloadPath = (id: string) => `/v1/insights/exports/${id}`;

/** The export job: renders the file, marks the export ready (outbox: insights.export-ready.v1) and tells the user's sockets. */
@Injectable()
export class ExportProducer {
  private readonly logger = new Logger(ExportProducer.name);

  constructor(
    private readonly config: AppConfig,
    private readonly exports: ExportRepository,
    private readonly source: ReportSource,
    private readonly renderer: ReportRenderer,
    private readonly files: ExportFiles,
    private readonly realtime: RealtimeEmitter,
    private readonly rollups: RollupRunner,
  ) {}

  async produce(exportId: string): Promise<void> {
    const entry = await this.exports.byId(exportId);
    if (!entry) throw new ExportNotFoundError(exportId);
    if (entry.status === 'ready') return;
    try {
      // The periodic roll-up runs every few minutes; an export must not miss what arrived since.
      await this.rollups.settle();
      await mkdir(this.config.insights.exportDir, { recursive: true });
      const path = join(this.config.insights.exportDir, `${entry.id}.${entry.format}`);
      const table = this.source.table(entry);
      if (entry.format === 'csv') {
        await this.renderer.csv(path, table);
      } else {
        const daily = await this.source.dailyViews(entry);
        await this.renderer.pdf(path, {
          title: `Channel report: ${entry.report === 'channel-daily' ? 'daily performance' : 'videos by hour'}`,
          subtitle: `${entry.rangeFrom.toISOString().slice(0, 16).replace('T', ' ')} to ${entry.rangeTo.toISOString().slice(0, 16).replace('T', ' ')} UTC (series in ${entry.tz}) · channel ${entry.channelId}`,
          table,
          chart: daily.map((point) => ({ label: point.day, value: point.views })),
        });
      }
      // Rendered on this worker's scratch disk, kept in the database for whichever API node serves it.
      const bytes = await this.files.store(entry.id, path);
      await rm(path, { force: true });
      entry.complete(`database:insights.export_chunks/${entry.id}`, bytes, new Date());
      await this.exports.save(entry);
    } catch (error) {
      this.logger.error({ err: error, exportId }, 'export failed');
      entry.fail(error instanceof Error ? error.message : String(error), new Date());
      await this.exports.save(entry);
      this.realtime.toUser(entry.userId, EXPORT_FAILED, { id: entry.id });
      throw error;
    }
    this.realtime.toUser(entry.userId, EXPORT_READY, {
      id: entry.id,
      report: entry.report,
      format: entry.format,
      bytes: entry.bytes,
      downloadPath: downloadPath(entry.id),
    });
  }
}
