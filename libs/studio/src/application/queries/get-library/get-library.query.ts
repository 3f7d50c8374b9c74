import { Query } from '@nestjs/cqrs';
import type { Page } from '@lib/platform';
import type { VideoState } from '../../../domain/video/video.js';
import type { VideoView } from '../videos/video.views.js';

export type LibrarySort = 'created' | 'updated' | 'published' | 'title' | 'episode';

export interface LibraryFilters {
  state?: VideoState[];
  tag?: string;
  seriesId?: string;
  collectionId?: string;
  /** createdAt range. */
  from?: Date;
  to?: Date;
  q?: string;
  sort: LibrarySort;
  order: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

export type LibraryItem = Omit<VideoView, 'renditions' | 'thumbnails' | 'chosenThumbnail' | 'previewUrl'>;

export class GetLibraryQuery extends Query<Page<LibraryItem> & { total: number }> {
  constructor(
    readonly userId: string,
    readonly channelId: string,
    readonly filters: LibraryFilters,
  ) {
    super();
  }
}
