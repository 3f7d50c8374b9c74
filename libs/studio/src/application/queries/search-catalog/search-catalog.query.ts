import { Query } from '@nestjs/cqrs';

export type CatalogSort =
  'relevance' | 'newest' | 'oldest' | 'popular' | 'popularity' | 'trending' | 'shortest' | 'longest';

export interface CatalogSearch {
  q?: string;
  category?: string;
  tier?: string;
  /** A creator's user id or handle. */
  creator?: string;
  language?: string;
  duration?: string;
  seriesId?: string;
  sort: CatalogSort;
  limit: number;
  cursor?: string;
}

export class SearchCatalogQuery extends Query<unknown> {
  constructor(readonly search: CatalogSearch) {
    super();
  }
}
