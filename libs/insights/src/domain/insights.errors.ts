import { DomainError } from '@lib/platform/ddd';

/** `tz` is not an IANA time zone this server knows. */
export class InvalidTimeZoneError extends DomainError {
  readonly code = 'insights.time-zone.invalid';
  readonly kind = 'invalid';
  constructor(tz: string) {
    super(`Unknown time zone '${tz}' (use an IANA name such as Europe/Paris)`, { tz });
  }
}

/** `from` is not before `to`, or the range is too long for the query. */
export class InvalidRangeError extends DomainError {
  readonly code = 'insights.range.invalid';
  readonly kind = 'invalid';
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, details);
  }
}

/** The channel does not exist for the caller (not a member): 404, so channel ids are not probed. */
export class ChannelNotFoundError extends DomainError {
  readonly code = 'insights.channel.not-found';
  readonly kind = 'not-found';
  constructor(channelId: string) {
    super('No such channel among yours', { channelId });
  }
}

export class VideoNotFoundError extends DomainError {
  readonly code = 'insights.video.not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super('No analytics for this video on any of your channels', { videoId });
  }
}

export class ExportNotFoundError extends DomainError {
  readonly code = 'insights.export.not-found';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('No such export', { id });
  }
}

/** The export is still being produced (or failed): nothing to download yet. */
export class ExportNotReadyError extends DomainError {
  readonly code = 'insights.export.not-ready';
  readonly kind = 'conflict';
  constructor(id: string, status: string) {
    super(`The export is ${status}`, { id, status });
  }
}

/** A dashboard subscription the socket may not have (platform counters are for admins). */
export class DashboardForbiddenError extends DomainError {
  readonly code = 'insights.dashboard.forbidden';
  readonly kind = 'forbidden';
  constructor(message: string) {
    super(message);
  }
}
