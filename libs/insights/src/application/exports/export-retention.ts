import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@config';
import { ExportFiles } from './report-source.js';

const DAY_MS = 86_400_000;
/** A scratch file this old belongs to a job that died mid-render (a live one is minutes old). */
const SCRATCH_MAX_AGE_MS = DAY_MS;

/**
 * Retention of exports: those requested more than INSIGHTS_EXPORT_RETENTION_DAYS ago lose their file
 * and row (the download then answers 404), and scratch files left by crashed renders are removed from
 * this worker's export folder. Idempotent: a cutoff, nothing remembered between runs.
 */
@Injectable()
export class ExportRetention {
  private readonly logger = new Logger(ExportRetention.name);

  constructor(
    private readonly config: AppConfig,
    private readonly files: ExportFiles,
  ) {}

  async prune(now = new Date()): Promise<{ exports: number; scratchFiles: number }> {
    const before = new Date(now.getTime() - this.config.insights.exportRetentionDays * DAY_MS);
    const exports = (await this.files.deleteRequestedBefore(before)).length;
    let scratchFiles = 0;
    const dir = this.config.insights.exportDir;
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(dir, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile() || now.getTime() - info.mtimeMs < SCRATCH_MAX_AGE_MS) continue;
      await rm(path, { force: true });
      scratchFiles += 1;
    }
    if (exports || scratchFiles) this.logger.log({ exports, scratchFiles }, 'old exports pruned');
    return { exports, scratchFiles };
  }
}
