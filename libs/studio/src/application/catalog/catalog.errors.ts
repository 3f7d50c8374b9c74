import { DomainError } from '@lib/platform';

export class CatalogVideoNotFoundError extends DomainError {
  readonly code = 'studio.catalog.video-not-found';
  readonly kind = 'not-found';
  constructor(videoId: string) {
    super(`No published video ${videoId}`, { videoId });
  }
}
