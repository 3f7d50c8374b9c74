import { AggregateRoot, newId } from '@lib/platform/ddd';
import { ProgressBeyondDurationError } from './watch-progress.errors.js';
import { VideoCompleted, WatchProgressed, type WatchedVideo } from './watch-progress.events.js';

export type { WatchedVideo } from './watch-progress.events.js';

/** A video counts as completed past this share of its length (or once the credits roll). */
export const COMPLETION_SHARE = 0.9;
/** Most watch time one report can add: a player reports every few seconds, a gap is not watching. */
export const MAX_WATCH_SECONDS_PER_REPORT = 60;
/** Players round positions; this much past the known length is still the end, not a lie. */
const DURATION_TOLERANCE_SECONDS = 1;

export interface ProgressReport {
  positionSeconds: number;
  /** The player saw the credits start (counts as completed even before 90%). */
  creditsReached: boolean;
}

/**
 * One person's history entry for one video: where they are, when they last watched, whether they
 * finished. Reports move it; each report adds the watch time it can vouch for (never more than the
 * position advanced, nor than the time since the previous report), so a player cannot inflate it.
 */
export class WatchEntry extends AggregateRoot {
  readonly id!: string;
  readonly userId!: string;
  readonly videoId!: string;
  positionSeconds!: number;
  durationSeconds!: number | null;
  completedAt!: Date | null;
  firstWatchedAt!: Date;
  lastWatchedAt!: Date;
  /** Seconds of watching counted so far (the sum of what reports could vouch for). */
  watchedSeconds!: number;

  // Fields are set by `start` only: MikroORM builds entities without arguments and would read any value set here as a column default.
  private constructor() {
    super();
  }

  static start(userId: string, videoId: string, now: Date = new Date()): WatchEntry {
    return Object.assign(new WatchEntry(), {
      id: newId(),
      userId,
      videoId,
      positionSeconds: 0,
      durationSeconds: null,
      completedAt: null,
      firstWatchedAt: now,
      lastWatchedAt: now,
      watchedSeconds: 0,
    });
  }

  get completed(): boolean {
    return this.completedAt !== null;
  }

  /** Applies a player's report; throws when the position is past the video's known length. */
  report(report: ProgressReport, video: WatchedVideo, now: Date = new Date()): void {
    const duration = video.durationSeconds;
    if (duration !== null && report.positionSeconds > duration + DURATION_TOLERANCE_SECONDS)
      throw new ProgressBeyondDurationError(report.positionSeconds, duration);
    const position = duration !== null ? Math.min(report.positionSeconds, duration) : report.positionSeconds;
    const isFirstReport = this.version === undefined && this.watchedSeconds === 0 && this.positionSeconds === 0;
    const sinceLast = Math.max(0, (now.getTime() - this.lastWatchedAt.getTime()) / 1_000);
    const advanced = position - this.positionSeconds;
    const watched = isFirstReport
      ? 0
      : Math.floor(Math.max(0, Math.min(advanced, sinceLast, MAX_WATCH_SECONDS_PER_REPORT)));

    const reachedEnd = report.creditsReached || (duration !== null && position >= duration * COMPLETION_SHARE);
    if (this.completedAt && !reachedEnd && advanced < 0) this.completedAt = null; // started over: a rewatch
    this.positionSeconds = position;
    this.durationSeconds = duration;
    this.lastWatchedAt = now;
    this.watchedSeconds += watched;
    if (watched > 0) this.record(new WatchProgressed(this.id, video, this.userId, position, watched));
    if (reachedEnd && !this.completedAt) {
      this.completedAt = now;
      this.record(new VideoCompleted(this.id, video, this.userId, this.watchedSeconds));
    }
  }
}

/** Whether a person keeps a watch history at all (on unless switched off). */
export class WatchHistorySettings {
  constructor(
    readonly userId: string,
    public enabled: boolean,
    public updatedAt: Date = new Date(),
  ) {}
}
