import { Injectable, Logger } from '@nestjs/common';
import { daysIn, hoursIn, startOfUtcDay, DAY_MS } from '../domain/hours.js';
import { RollupBuilder } from './event-store.js';
import { ViewCountPublisher } from './view-counts.js';

/** A build taken longer ago than this is presumed dead (its runner crashed); nobody waits for it. */
const BUILD_STALE_MS = 5 * 60_000;

/** Folds raw events into rollups: the stale hours (the periodic job), or a whole range (rebuilds). */
@Injectable()
export class RollupRunner {
  private readonly logger = new Logger(RollupRunner.name);

  constructor(
    private readonly builder: RollupBuilder,
    private readonly viewCounts: ViewCountPublisher,
  ) {}

  /** Rebuilds every hour marked stale since the last run, then the UTC days they belong to. */
  async catchUp(limit = 500): Promise<{ hours: number; days: number }> {
    const hours = await this.builder.takeDirtyHours(limit);
    const days = new Map<number, Date>();
    try {
      for (const hour of hours) {
        await this.builder.rebuildHour(hour);
        const day = startOfUtcDay(hour);
        days.set(day.getTime(), day);
      }
      for (const day of days.values()) await this.builder.rebuildDay(day);
      await this.builder.finishBuilds(hours);
      await this.viewCounts.publish(hours);
    } catch (error) {
      // Taken hours must not be forgotten: the next run retries them (each build is repeatable).
      await this.builder.markDirty(hours);
      throw error;
    }
    if (hours.length) this.logger.debug({ hours: hours.length, days: days.size }, 'rollups caught up');
    return { hours: hours.length, days: days.size };
  }

  /**
   * Catches up until no hour is stale (bounded): what an export runs first, so its file holds every
   * event stored before it started rather than what the last periodic run had folded.
   */
  async settle(maxRounds = 20, waitMs = 30_000): Promise<void> {
    const deadline = Date.now() + waitMs;
    for (let round = 0; round < maxRounds;) {
      if ((await this.catchUp()).hours > 0) {
        round += 1;
        continue;
      }
      // Nothing left to take, but another runner (the periodic job) may still be building hours it took.
      if (!(await this.builder.buildsInProgress(BUILD_STALE_MS)) || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Rebuilds every hour and UTC day overlapping [from, to); safe to run again (or concurrently with catchUp). */
  async rebuildRange(
    from: Date,
    to: Date,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ hours: number; days: number }> {
    const hours = hoursIn(from, to);
    const days = daysIn(from, new Date(Math.ceil(to.getTime() / DAY_MS) * DAY_MS));
    const total = hours.length + days.length;
    let done = 0;
    for (const hour of hours) {
      await this.builder.rebuildHour(hour);
      onProgress?.(++done, total);
    }
    for (const day of days) {
      await this.builder.rebuildDay(day);
      onProgress?.(++done, total);
    }
    await this.viewCounts.publish(hours);
    return { hours: hours.length, days: days.length };
  }
}
