/** What fans did with a video, as the catalog shows and sorts it. */
export interface VideoCounts {
  views: number;
  likes: number;
  trending: number;
  /** +1 on every accepted change of any count: part of the catalog document's version. */
  revision: number;
}

export const NO_COUNTS: VideoCounts = { views: 0, likes: 0, trending: 0, revision: 0 };

/**
 * Studio's own copy of other contexts' numbers (`studio.catalog_counts`). Each count has its own
 * ordering guard, so a late or replayed event never replaces a newer number. Every `record…`
 * answers the videos whose row actually changed.
 */
export abstract class CatalogCounts {
  abstract of(videoId: string): Promise<VideoCounts>;
  /**
   * Locks the video's row until the caller's transaction ends (creating it at zero): every catalog
   * projection of a video takes it first, so the one that writes second has read the first's counts
   * and video, and its document version is the higher one.
   */
  abstract lock(videoId: string): Promise<void>;
  /** Insights' totals; ordered by `countedAt`. */
  abstract recordViews(counts: { videoId: string; views: number }[], countedAt: Date): Promise<string[]>;
  /** Engagement's like tally; ordered by the tally's version (ADR 0028). */
  abstract recordLikes(videoId: string, likes: number, version: number): Promise<string[]>;
  /** The trending job's scores; ordered by `computedAt`. */
  abstract recordTrending(scores: { videoId: string; score: number }[], computedAt: Date): Promise<string[]>;
}

/**
 * Popularity for `sort=popularity`: views plus ten per like (docs/adr/0039). A like costs a viewer
 * more than a view (and is rarer, a few per hundred views), so ten makes the two comparable.
 */
export function popularityOf(counts: Pick<VideoCounts, 'views' | 'likes'>): number {
  return counts.views + 10 * counts.likes;
}
