import { AggregateRoot, newId } from '@lib/platform/ddd';
import {
  VideoCreated,
  VideoUpdated,
  VideoProcessingProgressed,
  VideoProcessingFailed,
  VideoReady,
  VideoScheduled,
  VideoPublished,
  VideoUnpublished,
  VideoDeleted,
} from './video.events.js';
import {
  CaptionNotFoundError,
  IllegalTransitionError,
  InvalidAccessLevelError,
  InvalidEpisodeError,
  NoMediaError,
  VideoNotReadyError,
} from './video.errors.js';
import { NOT_READY, TRANSITIONS, type VideoAction, type VideoState } from './video-state.js';
import type { Caption } from './captions.js';

export type { VideoState } from './video-state.js';
export type { ProcessingFailure } from './processing-failure.js';
import type { ProcessingFailure } from './processing-failure.js';

/** Who may watch: everyone (`free`), or holders of a plan entitlement (billing's flag name, e.g. `ad_free`). */
export const ACCESS_LEVELS = [
  'free',
  'ad_free',
  'early_access',
  'monetization',
  'custom_branding',
  'api_access',
] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const MAX_EARLY_ACCESS_DAYS = 90;

export interface Episode {
  seriesId: string;
  season: number;
  episode: number;
}

export interface VideoDetails {
  title?: string;
  description?: string;
  tags?: string[];
  category?: string | null;
  language?: string | null;
  accessLevel?: AccessLevel;
  earlyAccessDays?: number | null;
  collectionIds?: string[];
}

/** When the early-access window ends and every plan that has the access level may watch; null before publishing. */
export function availableToAllAt(video: Pick<Video, 'publishedAt' | 'earlyAccessDays'>): Date | null {
  if (!video.publishedAt) return null;
  return new Date(video.publishedAt.getTime() + (video.earlyAccessDays ?? 0) * 86_400_000);
}

/**
 * A video or an episode on a channel: its metadata, its place in a series, who may watch it, and
 * where it is in its life (see video-state.ts). The media itself lives on the media side (assetId).
 */
export class Video extends AggregateRoot {
  readonly id: string;
  readonly channelId: string;
  readonly createdBy: string;
  title: string;
  description: string;
  tags: string[];
  category: string | null;
  language: string | null;
  accessLevel: AccessLevel;
  earlyAccessDays: number | null;
  seriesId: string | null;
  season: number | null;
  episode: number | null;
  collectionIds: string[];
  captions: Caption[];
  state: VideoState;
  assetId: string | null;
  processingStep: string | null;
  processingPercent: number;
  failure: ProcessingFailure | null;
  durationSeconds: number | null;
  scheduledAt: Date | null;
  scheduleTimeZone: string | null;
  publishedAt: Date | null;
  readonly createdAt: Date;
  updatedAt: Date;

  private constructor(channelId: string, createdBy: string, title: string) {
    super();
    this.id = newId();
    this.channelId = channelId;
    this.createdBy = createdBy;
    this.title = title;
    this.description = '';
    this.tags = [];
    this.category = null;
    this.language = null;
    this.accessLevel = 'free';
    this.earlyAccessDays = null;
    this.seriesId = null;
    this.season = null;
    this.episode = null;
    this.collectionIds = [];
    this.captions = [];
    this.state = 'draft';
    this.assetId = null;
    this.processingStep = null;
    this.processingPercent = 0;
    this.failure = null;
    this.durationSeconds = null;
    this.scheduledAt = null;
    this.scheduleTimeZone = null;
    this.publishedAt = null;
    this.createdAt = new Date();
    this.updatedAt = this.createdAt;
  }

  static draft(
    input: { channelId: string; createdBy: string; title: string } & VideoDetails & { episode?: Episode | null },
  ): Video {
    const video = new Video(input.channelId, input.createdBy, input.title);
    video.applyDetails(input);
    if (input.episode) video.placeInSeries(input.episode);
    video.record(new VideoCreated(video.id, video.channelId));
    return video;
  }

  get isEpisode(): boolean {
    return this.seriesId !== null;
  }

  /** Edits metadata; returns the names of the fields that changed (an update event when any did). */
  edit(details: VideoDetails & { episode?: Episode | null }): string[] {
    const changed = this.applyDetails(details);
    if (details.episode !== undefined) {
      const before = JSON.stringify([this.seriesId, this.season, this.episode]);
      if (details.episode) this.placeInSeries(details.episode);
      else [this.seriesId, this.season, this.episode] = [null, null, null];
      if (JSON.stringify([this.seriesId, this.season, this.episode]) !== before) changed.push('episode');
    }
    if (changed.length) this.changed(changed);
    return changed;
  }

  /** Its collection was deleted: the video leaves it. Returns whether it was in it. */
  leaveCollection(collectionId: string): boolean {
    if (!this.collectionIds.includes(collectionId)) return false;
    this.collectionIds = this.collectionIds.filter((id) => id !== collectionId);
    this.changed(['collectionIds']);
    return true;
  }

  setCaption(caption: Caption): void {
    this.captions = [...this.captions.filter((existing) => existing.language !== caption.language), caption].sort(
      (a, b) => a.language.localeCompare(b.language),
    );
    this.changed(['captions']);
  }

  removeCaption(language: string): void {
    if (!this.captions.some((caption) => caption.language === language)) throw new CaptionNotFoundError(language);
    this.captions = this.captions.filter((caption) => caption.language !== language);
    this.changed(['captions']);
  }

  /** The chosen thumbnail lives on the media side; the catalog still needs to hear of it. */
  thumbnailChosen(): void {
    if (!this.assetId) throw new NoMediaError();
    this.changed(['thumbnail']);
  }

  // --- processing (driven by the media side) ---

  startProcessing(assetId: string): void {
    this.assetId = assetId;
    if (this.state === 'draft') this.move('start-processing');
  }

  /** Idempotent: repeated or late progress (after ready or failed) changes nothing. */
  progress(assetId: string, step: string, percent: number): boolean {
    if (this.state !== 'processing' && this.state !== 'draft') return false;
    const rounded = Math.max(0, Math.min(100, Math.round(percent)));
    if (this.processingStep === step && rounded <= this.processingPercent) return false;
    this.assetId = assetId;
    if (this.state === 'draft') this.move('start-processing');
    this.processingStep = step;
    this.processingPercent = Math.max(this.processingPercent, rounded);
    this.touch();
    this.record(new VideoProcessingProgressed(this.id, this.channelId, assetId, step, this.processingPercent));
    return true;
  }

  finishProcessing(assetId: string, durationSeconds: number | null): boolean {
    if (!TRANSITIONS['finish-processing'].from.includes(this.state)) return false;
    this.assetId = assetId;
    this.durationSeconds = durationSeconds;
    this.processingPercent = 100;
    this.processingStep = null;
    this.failure = null;
    this.move('finish-processing');
    this.record(new VideoReady(this.id, this.channelId));
    return true;
  }

  fail(assetId: string, failure: ProcessingFailure): boolean {
    if (!TRANSITIONS.fail.from.includes(this.state)) return false;
    this.assetId = assetId;
    this.failure = failure;
    this.processingStep = failure.step;
    this.move('fail');
    this.record(new VideoProcessingFailed(this.id, this.channelId, assetId, failure));
    return true;
  }

  retry(): string {
    if (!this.assetId) throw new NoMediaError();
    this.assertCan('retry');
    this.failure = null;
    this.move('retry');
    return this.assetId;
  }

  /** The media side refused the retry: back to the failure it had, without announcing it again. */
  retryRefused(failure: ProcessingFailure): void {
    this.failure = failure;
    this.processingStep = failure.step;
    this.move('fail');
  }

  // --- publishing ---

  schedule(at: Date, timeZone: string | null): void {
    this.assertPublishable('schedule');
    this.scheduledAt = at;
    this.scheduleTimeZone = timeZone;
    this.move('schedule');
    this.record(new VideoScheduled(this.id, this.channelId, at));
  }

  cancelSchedule(): void {
    this.assertCan('cancel-schedule');
    this.scheduledAt = null;
    this.scheduleTimeZone = null;
    this.move('cancel-schedule');
    this.changed(['schedule']);
  }

  /** Whether a scheduled publication is due (the job and the sweep both ask). */
  isDue(now: Date): boolean {
    return this.state === 'scheduled' && this.scheduledAt !== null && this.scheduledAt.getTime() <= now.getTime();
  }

  publish(creatorId: string, now = new Date()): void {
    this.assertPublishable('publish');
    this.publishedAt = now;
    this.scheduledAt = null;
    this.scheduleTimeZone = null;
    this.move('publish');
    this.record(new VideoPublished(this.id, this.channelId, creatorId));
  }

  unpublish(): void {
    this.assertCan('unpublish');
    this.move('unpublish');
    this.record(new VideoUnpublished(this.id, this.channelId));
  }

  markDeleted(): void {
    this.record(new VideoDeleted(this.id, this.channelId));
  }

  /** When fans without early access may watch (null: not published). */
  availableToAllAt(): Date | null {
    return availableToAllAt(this);
  }

  can(action: VideoAction): boolean {
    return TRANSITIONS[action].from.includes(this.state);
  }

  private assertPublishable(action: 'publish' | 'schedule'): void {
    if (NOT_READY.includes(this.state)) throw new VideoNotReadyError(this.state);
    this.assertCan(action);
  }

  private assertCan(action: VideoAction): void {
    if (!this.can(action)) throw new IllegalTransitionError(this.state, action);
  }

  private move(action: VideoAction): void {
    this.assertCan(action);
    this.state = TRANSITIONS[action].to;
    this.touch();
  }

  private applyDetails(details: VideoDetails): string[] {
    const changed: string[] = [];
    const set = <K extends keyof VideoDetails & keyof this>(key: K, value: this[K] | undefined) => {
      if (value === undefined || JSON.stringify(this[key]) === JSON.stringify(value)) return;
      this[key] = value;
      changed.push(key);
    };
    if (details.accessLevel !== undefined && !ACCESS_LEVELS.includes(details.accessLevel)) {
      throw new InvalidAccessLevelError(`Unknown access level "${details.accessLevel}"`, { allowed: ACCESS_LEVELS });
    }
    const earlyAccessDays = details.earlyAccessDays;
    if (
      earlyAccessDays !== undefined &&
      earlyAccessDays !== null &&
      (!Number.isInteger(earlyAccessDays) || earlyAccessDays < 1 || earlyAccessDays > MAX_EARLY_ACCESS_DAYS)
    ) {
      throw new InvalidAccessLevelError(`Early access lasts 1 to ${MAX_EARLY_ACCESS_DAYS} days`, { earlyAccessDays });
    }
    set('title', details.title as never);
    set('description', details.description as never);
    set(
      'tags',
      details.tags
        ? ([...new Set(details.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))] as never)
        : undefined,
    );
    set('category', details.category as never);
    set('language', details.language as never);
    set('accessLevel', details.accessLevel as never);
    set('earlyAccessDays', earlyAccessDays as never);
    set('collectionIds', details.collectionIds ? ([...new Set(details.collectionIds)] as never) : undefined);
    return changed;
  }

  private placeInSeries(episode: Episode): void {
    if (
      !Number.isInteger(episode.season) ||
      episode.season < 1 ||
      !Number.isInteger(episode.episode) ||
      episode.episode < 1
    ) {
      throw new InvalidEpisodeError('Seasons and episodes are numbered from 1');
    }
    this.seriesId = episode.seriesId;
    this.season = episode.season;
    this.episode = episode.episode;
  }

  private changed(fields: string[]): void {
    this.touch();
    this.record(new VideoUpdated(this.id, this.channelId, fields));
  }

  private touch(): void {
    this.updatedAt = new Date();
  }
}
