import type { Video } from '../../../domain/video/video.js';
import type { LibraryFilters } from './get-library.query.js';

/** Port: one page of a channel's videos, filtered and sorted (implemented in infrastructure/persistence). */
export abstract class VideoLibraryReadModel {
  /** Throws InvalidCursorError for a cursor it did not issue. */
  abstract page(
    channelId: string,
    filters: LibraryFilters,
  ): Promise<{ videos: Video[]; total: number; nextCursor?: string }>;
}
