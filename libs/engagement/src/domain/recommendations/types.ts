/**
 * The recommendation models' shared vocabulary: what serving (application/recommendations) feeds
 * the pure models, and what they give back. Re-exported by `recommender.ts`, the seam.
 */

/** An interaction that tells something about taste. */
export const SIGNAL_KINDS = [
  'view',
  'completion',
  'watch_time',
  'like',
  'rating',
  'comment',
  'save',
  'skip',
  'dislike',
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface InteractionSignal {
  personId: string;
  videoId: string;
  kind: SignalKind;
  /** A rating's stars (1–5), watch time's seconds; 1 for the other kinds. */
  value: number;
  at: Date;
}

/** What content-based similarity reads of a published video ("embeddings from metadata"). */
export interface VideoFeatures {
  videoId: string;
  creatorId: string;
  category: string | null;
  language: string | null;
  tags: string[];
  seriesId: string | null;
  durationSeconds: number | null;
  title: string;
  description: string;
  publishedAt: Date;
}

export interface Neighbor {
  videoId: string;
  similarity: number;
}

/** Why an item is in a list, for clients to phrase ("Because you watched …"). */
export const RECOMMENDATION_REASONS = [
  'because_you_watched',
  'similar_content',
  'popular_in_category',
  'new_from_followed',
  'trending',
  'new',
] as const;
export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number];

export interface RankedItem {
  videoId: string;
  score: number;
  reason: RecommendationReason;
  /** The watched video behind `because_you_watched` / `similar_content`; null otherwise. */
  basedOn: string | null;
  /** Set when the person's plan cannot play it and `RankOptions.locked` is `tease`. */
  locked?: true;
}

/** A person's taste as the ranker sees it, read at request time (so a like counts at once). */
export interface PersonProfile {
  /** Positive interactions, one entry per video with its decayed weight, most recent first (never recommended back). */
  recent: Array<{ videoId: string; weight: number; at: Date }>;
  /** Finished or disliked: never recommended again. */
  excludedVideos: ReadonlySet<string>;
  /** Videos whose decayed sum is negative (disliked, skipped), most negative first: their neighbours are pushed down. */
  disliked?: Array<{ videoId: string; weight: number }>;
  followedCreators: ReadonlySet<string>;
  /** Blocked or muted: none of their videos. */
  hiddenCreators: ReadonlySet<string>;
}

/** Everything the hybrid ranker reads, fetched beforehand. */
export interface HybridInput {
  person: PersonProfile;
  /** Co-watch neighbours of each video in `person.recent` (and `person.disliked`). */
  coWatch: ReadonlyMap<string, Neighbor[]>;
  /** Content neighbours of each video in `person.recent` (and `person.disliked`). */
  content: ReadonlyMap<string, Neighbor[]>;
  /** Features of every candidate (a candidate without features is dropped). */
  features: ReadonlyMap<string, VideoFeatures>;
  /** Popular videos, best first: the cold-start fallback and filler. */
  popular: ReadonlyArray<{ videoId: string; score: number }>;
  /** Newest videos of followed creators, newest first. */
  fromFollowed: ReadonlyArray<string>;
  now: Date;
  /** Newest videos of the catalog, newest first: the logged-out feed's "new" half. */
  newest?: ReadonlyArray<string>;
  /** Candidates the person's plan cannot play (left out, or teased: `RankOptions.locked`). */
  locked?: ReadonlySet<string>;
}

export const STRATEGIES = ['random', 'popularity', 'item-cf', 'content', 'hybrid'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface RankOptions {
  count: number;
  strategy: Strategy;
  category?: string;
  creatorId?: string;
  /** Seed for the `random` strategy (deterministic lists in tests). */
  seed?: number;
  /** What to do with `HybridInput.locked` videos: leave them out (default) or keep them marked `locked`. */
  locked?: 'exclude' | 'tease';
}
