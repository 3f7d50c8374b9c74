import type { TrendingKind, TrendingWindow } from './trending-ports.js';

export interface TrendingVideoView {
  rank: number;
  score: number;
  videoId: string;
  channelId: string;
  creatorId: string;
  title: string;
  language: string | null;
  category: string | null;
}

export interface TrendingCreatorView {
  rank: number;
  score: number;
  creatorId: string;
  handle: string | null;
  displayName: string | null;
  avatarUrl: string | null;
}

export interface TrendingHashtagView {
  rank: number;
  score: number;
  tag: string;
}

export type TrendingItemView = TrendingVideoView | TrendingCreatorView | TrendingHashtagView;

export interface TrendingListRequest {
  kind: TrendingKind;
  window: TrendingWindow;
  language: string;
  category: string;
  afterRank: number;
  limit: number;
}

/** The lists as the last recompute left them. */
export abstract class TrendingReadModel {
  abstract list(request: TrendingListRequest): Promise<{ items: TrendingItemView[]; computedAt: Date | null }>;
}
