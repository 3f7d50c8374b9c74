import { DomainError } from '@lib/platform/ddd';

/** Unknown, unpublished and deleted videos look the same, so ids reveal nothing. */
export class VideoNotFoundError extends DomainError {
  readonly code = 'engagement.video.not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super('There is no such video', { videoId });
  }
}
