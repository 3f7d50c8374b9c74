import type { TrendRecompute } from '../../domain/trending/trend-recompute.js';
import type { TrendSignalKind } from '../../domain/trending/trend-scoring.js';

export const TRENDING_WINDOWS = ['24h', '7d'] as const;
export type TrendingWindow = (typeof TRENDING_WINDOWS)[number];
export const TRENDING_KINDS = ['video', 'creator', 'hashtag'] as const;
export type TrendingKind = (typeof TRENDING_KINDS)[number];

export const WINDOW_MS: Record<TrendingWindow, number> = { '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };

/** An interaction as recorded for trending, with the actor's trust level at the time. */
export interface RecordedTrendSignal {
  /** The source event's id: recording the same event twice keeps one signal. */
  id: string;
  kind: TrendSignalKind;
  /** The video acted on; null for a follow. */
  videoId: string | null;
  /** Whom a follow is of; null for the other kinds. */
  followeeId: string | null;
  actorId: string;
  trustLevel: number;
  hashtags: string[];
  /** The comment behind a `comment` signal (withdrawn with it). */
  sourceId: string | null;
  at: Date;
}

/** A signal on something eligible to trend, with its video's language and category. */
export interface EligibleTrendSignal {
  kind: TrendSignalKind;
  videoId: string | null;
  creatorId: string;
  actorId: string;
  trustLevel: number;
  hashtags: string[];
  language: string | null;
  category: string | null;
  at: Date;
}

/** The interactions trending is computed from. */
export abstract class TrendSignals {
  abstract record(signal: RecordedTrendSignal): Promise<void>;
  /** An unlike takes the actor's like signals on the video back. */
  abstract withdrawLike(videoId: string, actorId: string): Promise<void>;
  abstract withdrawComment(commentId: string): Promise<void>;
  /** Signals since `since` on published, visible videos (and follows of creators) of unsanctioned accounts. */
  abstract eligibleSince(since: Date): Promise<EligibleTrendSignal[]>;
  /** Forgets signals older than any window needs. */
  abstract prune(before: Date): Promise<void>;
}

export interface PublishedTrendVideo {
  videoId: string;
  channelId: string;
  creatorId: string;
  title: string;
  language: string | null;
  category: string | null;
  /** What recommendations compare videos by (docs/adr/0044). */
  tags: string[];
  description: string;
  seriesId: string | null;
  durationSeconds: number | null;
  publishedAt: Date;
  /** Studio's aggregate version of the fact (0 unknown): an older fact changes nothing. */
  version: number;
}

/** What decides whether something may trend: publication, moderation and account sanctions. */
export abstract class TrendEligibility {
  abstract published(video: PublishedTrendVideo): Promise<void>;
  abstract withdrawn(videoId: string, status: 'unpublished' | 'deleted', version: number): Promise<void>;
  abstract moderated(videoId: string, moderation: 'visible' | 'hidden' | 'removed'): Promise<void>;
  /** The sanctions found among `checked` accounts (the others have none now). */
  abstract recordSanctions(checked: string[], sanctions: ReadonlyMap<string, AccountSanction>, at: Date): Promise<void>;
}

export interface TrendingScoreRow {
  kind: TrendingKind;
  window: TrendingWindow;
  /** '' for every language / category. */
  language: string;
  category: string;
  rank: number;
  subject: string;
  score: number;
}

/** The read model the lists are served from, and the scores last told to the catalog. */
export abstract class TrendingScoreStore {
  /** Serialises recomputes (held until the transaction ends). */
  abstract lock(): Promise<void>;
  /** Replaces every list with these rows (one transaction with `saveRun`). */
  abstract replace(rows: TrendingScoreRow[], computedAt: Date): Promise<void>;
  abstract publishedVideoScores(): Promise<Map<string, number>>;
  abstract rememberPublishedScores(changes: Array<{ videoId: string; score: number }>): Promise<void>;
  abstract saveRun(run: TrendRecompute): Promise<void>;
}

export type AccountSanction = 'suspension' | 'ban';

/** Trust & safety as trending needs it. */
export abstract class ActorTrust {
  /** The account's trust level now (unknown or unavailable: the lowest). */
  abstract levelOf(userId: string): Promise<number>;
  /** Which of these accounts are suspended or banned now. */
  abstract sanctionsOf(userIds: string[]): Promise<Map<string, AccountSanction>>;
}

/** Serves repeated list reads from a cache until the next recompute. */
export abstract class TrendingCache {
  abstract get<T>(key: string): Promise<T | undefined>;
  abstract set(key: string, value: unknown): Promise<void>;
  /** Every cached page is stale after a recompute. */
  abstract invalidate(): Promise<void>;
}
