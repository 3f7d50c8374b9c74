import { Query } from '@nestjs/cqrs';

export type CatalogSort = 'relevance' | 'newest' | 'oldest' | 'popular' | 'shortest' | 'longest';

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

export class SuggestCatalogQuery extends Query<unknown> {
  constructor(
    readonly q: string,
    readonly limit: number,
  ) {
    super();
  }
}

export class GetCatalogVideoQuery extends Query<unknown> {
  constructor(readonly videoId: string) {
    super();
  }
}

export class GetPlaybackQuery extends Query<{
  videoId: string;
  masterUrl: string;
  expiresAt: string;
  captions: { language: string; label: string; url: string }[];
}> {
  constructor(
    readonly userId: string,
    readonly videoId: string,
  ) {
    super();
  }
}

/** A published video's captions in one language, as WebVTT text. */
export class GetCaptionFileQuery extends Query<string> {
  constructor(
    readonly videoId: string,
    readonly language: string,
  ) {
    super();
  }
}
