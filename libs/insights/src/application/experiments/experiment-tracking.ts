import type { ArmCounts } from '../../domain/experiments/analysis.js';

export interface ImpressionRecord {
  impressionId: string;
  experimentId: string | null;
  arm: string | null;
  surface: string;
  subject: string;
  videoIds: string[];
  at: Date;
  eventId: string;
}

export interface ConversionRecord {
  impressionId: string;
  kind: 'click' | 'watch_start' | 'completion';
  videoId: string;
  subject: string;
  at: Date;
  eventId: string;
}

export interface SurfaceReach {
  surface: string;
  impressions: number;
  clicks: number;
}

export interface VideoReach {
  videoId: string;
  impressions: number;
  clicks: number;
}

/** Impressions, exposures and their conversions (insights' own tables). Every write is idempotent. */
export abstract class ExperimentTracking {
  /** One row per impression id: a second report of the same impression changes nothing. */
  abstract recordImpressions(rows: ImpressionRecord[]): Promise<void>;
  /**
   * Keeps only conversions of an impression of the same subject that showed the video, within the
   * attribution window; the others (no exposure, someone else's, a video not shown) are ignored.
   */
  abstract recordConversions(rows: ConversionRecord[], windowMs: number): Promise<number>;
  /** A subscription of the subject: one conversion on its latest exposure to each experiment in the window. */
  abstract attributeSubscription(subject: string, at: Date, eventId: string, windowMs: number): Promise<number>;
  abstract countsByArm(experimentId: string): Promise<ArmCounts[]>;
  /**
   * Retention: impressions outside any experiment shown before the cutoff, with their conversions, and every
   * impression's per-video rows (the creators' view) before it. An experiment's own rows stay with it.
   */
  abstract pruneBefore(cutoff: Date): Promise<{ impressions: number; conversions: number; videoRows: number }>;
  /** Impressions and clicks of a channel's videos (per studio's catalogue) in [from, to). */
  abstract reachOfChannel(
    channelId: string,
    from: Date,
    to: Date,
  ): Promise<{ surfaces: SurfaceReach[]; videos: VideoReach[] }>;
}
