import { DomainError } from '@lib/platform';
import type { VideoRestriction } from './content-restrictions.js';

/** Trust & safety took the video down (or its owner's account is suspended or banned): nobody plays it. */
export class VideoTakenDownError extends DomainError {
  readonly code = 'studio.video.taken-down';
  readonly kind = 'forbidden';
  constructor(videoId: string, reason: VideoRestriction) {
    super(`Video ${videoId} is not available: it was taken down`, { videoId, reason });
  }
}
