import type { RecommendationReason, Strategy } from '../../domain/recommendations/recommender.js';

/** One recommended video with what a card shows and why it is there. */
export interface RecommendationItemView {
  videoId: string;
  title: string;
  channelId: string;
  creatorId: string;
  category: string | null;
  language: string | null;
  tags: string[];
  durationSeconds: number | null;
  publishedAt: string;
  accessLevel: string;
  /** The viewer's plan cannot play it yet (listed as a teaser; `RECS_LOCKED_VIDEOS=drop` leaves these out). */
  upgradeRequired: boolean;
  reason: RecommendationReason;
  /** The video behind `because_you_watched` / `similar_content`. */
  basedOn: string | null;
  score: number;
}

export interface RecommendationsView {
  /** New for every response, cached or not: clients report exposures and clicks with it. */
  impressionId: string;
  strategy: Strategy;
  experiment: { id: string; arm: string } | null;
  items: RecommendationItemView[];
}
