import { DomainError } from '@lib/platform/ddd';
import type { VideoState } from './video-state.js';

export class VideoNotFoundError extends DomainError {
  readonly code = 'studio.video.not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super(`No video ${videoId} on a channel you belong to`, { videoId });
  }
}

/** A transition the state machine does not allow from the current state. */
export class IllegalTransitionError extends DomainError {
  readonly code = 'studio.video.illegal-transition';
  readonly kind = 'conflict';
  constructor(from: VideoState, action: string) {
    super(`A ${from} video cannot ${action}`, { state: from, action });
  }
}

/** Publishing or scheduling before the media is ready (draft, processing, failed). */
export class VideoNotReadyError extends DomainError {
  readonly code = 'studio.video.not-ready';
  readonly kind = 'conflict';
  constructor(state: VideoState) {
    super(`The video is ${state}; it can be published once processing is done`, { state });
  }
}

export class ScheduleInPastError extends DomainError {
  readonly code = 'studio.schedule.in-past';
  readonly kind = 'invalid';
  constructor(at: Date) {
    super(`The publish time ${at.toISOString()} has already passed`, { at: at.toISOString() });
  }
}

export class InvalidTimeZoneError extends DomainError {
  readonly code = 'studio.schedule.invalid-time-zone';
  readonly kind = 'invalid';
  constructor(timeZone: string) {
    super(`"${timeZone}" is not an IANA time zone`, { timeZone });
  }
}

export class InvalidScheduleTimeError extends DomainError {
  readonly code = 'studio.schedule.invalid-time';
  readonly kind = 'invalid';
  constructor(at: string) {
    super(`"${at}" is not an ISO 8601 date-time`, { at });
  }
}

export class InvalidCaptionError extends DomainError {
  readonly code = 'studio.caption.invalid';
  readonly kind = 'invalid';
  constructor(reason: string, details?: Record<string, unknown>) {
    super(`The caption file is not valid WebVTT or SRT: ${reason}`, details);
  }
}

export class CaptionNotFoundError extends DomainError {
  readonly code = 'studio.caption.not-found';
  readonly kind = 'not-found';
  constructor(language: string) {
    super(`The video has no ${language} captions`, { language });
  }
}

export class InvalidAccessLevelError extends DomainError {
  readonly code = 'studio.access.invalid';
  readonly kind = 'invalid';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details);
  }
}

export class InvalidEpisodeError extends DomainError {
  readonly code = 'studio.episode.invalid';
  readonly kind = 'invalid';
  constructor(message: string) {
    super(message);
  }
}

export class SeriesNotFoundError extends DomainError {
  readonly code = 'studio.series.not-found';
  readonly kind = 'not-found';
  constructor(seriesId: string) {
    super(`No series ${seriesId} on this channel`, { seriesId });
  }
}

export class EpisodeSlotTakenError extends DomainError {
  readonly code = 'studio.episode.slot-taken';
  readonly kind = 'conflict';
  constructor(details: { seriesId: string; season: number; episode: number }) {
    super(`Season ${details.season} episode ${details.episode} already exists in this series`, details);
  }
}

export class NoMediaError extends DomainError {
  readonly code = 'studio.video.no-media';
  readonly kind = 'conflict';
  constructor() {
    super('The video has no media yet');
  }
}
