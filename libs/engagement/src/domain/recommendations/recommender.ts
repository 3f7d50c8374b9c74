/**
 * The recommendation models' shared vocabulary: what serving (application/recommendations) feeds
 * the pure models, and what they give back. Serving reads everything from read models first, then
 * calls these synchronously, so the same code ranks a live request and an offline evaluation.
 *
 * SEAM: the implementations below are placeholders (popularity only) until the models land; keep
 * the signatures.
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
}

/** A person's taste as the ranker sees it, read at request time (so a like counts at once). */
export interface PersonProfile {
  /** Positive interactions, one entry per video with its decayed weight, most recent first. */
  recent: Array<{ videoId: string; weight: number; at: Date }>;
  /** Finished or disliked: never recommended again. */
  excludedVideos: ReadonlySet<string>;
  followedCreators: ReadonlySet<string>;
  /** Blocked or muted: none of their videos. */
  hiddenCreators: ReadonlySet<string>;
}

/** Everything the hybrid ranker reads, fetched beforehand. */
export interface HybridInput {
  person: PersonProfile;
  /** Co-watch neighbours of each video in `person.recent`. */
  coWatch: ReadonlyMap<string, Neighbor[]>;
  /** Content neighbours of each video in `person.recent`. */
  content: ReadonlyMap<string, Neighbor[]>;
  /** Features of every candidate (a candidate without features is dropped). */
  features: ReadonlyMap<string, VideoFeatures>;
  /** Popular videos, best first: the cold-start fallback and filler. */
  popular: ReadonlyArray<{ videoId: string; score: number }>;
  /** Newest videos of followed creators, newest first. */
  fromFollowed: ReadonlyArray<string>;
  now: Date;
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
}

/** Decayed weight of one signal (negative for skips and dislikes). */
export function signalWeight(signal: InteractionSignal, now: Date): number {
  void now;
  return signal.kind === 'skip' || signal.kind === 'dislike' ? -1 : 1;
}

/** Item-to-item similarity from co-watch counts, damped for popular items. */
export function coWatchSimilarity(coCount: number, countA: number, countB: number): number {
  return coCount / Math.sqrt(Math.max(1, countA) * Math.max(1, countB));
}

/** Content similarity over video features, built once per catalog snapshot. */
export class ContentIndex {
  constructor(private readonly videos: ReadonlyArray<VideoFeatures>) {}

  similar(videoId: string, limit: number): Neighbor[] {
    const source = this.videos.find((video) => video.videoId === videoId);
    if (!source) return [];
    return this.videos
      .filter((video) => video.videoId !== videoId && video.category === source.category)
      .slice(0, limit)
      .map((video) => ({ videoId: video.videoId, similarity: 0.5 }));
  }
}

/** Ranks, filters and diversifies the candidates for one person. */
export function rank(input: HybridInput, options: RankOptions): RankedItem[] {
  const hidden = (videoId: string) => {
    const features = input.features.get(videoId);
    if (!features || input.person.excludedVideos.has(videoId)) return true;
    if (input.person.hiddenCreators.has(features.creatorId)) return true;
    if (options.category && features.category !== options.category) return true;
    return Boolean(options.creatorId && features.creatorId !== options.creatorId);
  };
  return input.popular
    .filter((item) => !hidden(item.videoId))
    .slice(0, options.count)
    .map((item) => ({ videoId: item.videoId, score: item.score, reason: 'trending', basedOn: null }));
}
