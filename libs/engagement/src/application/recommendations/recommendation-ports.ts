import type {
  InteractionSignal,
  Neighbor,
  SignalKind,
  VideoFeatures,
} from '../../domain/recommendations/recommender.js';

/** How a source fact changes a person's signal on a video (one row per person, video and kind). */
export type SignalChange =
  /** Stores the signal, replacing the value (a like again, a new rating). */
  | { op: 'set'; signal: InteractionSignal; eventId: string; sourceKey?: string }
  /** Adds to the stored value (watch time, rewatches); answers the total after it. */
  | { op: 'add'; signal: InteractionSignal; eventId: string }
  /** Stores it only when absent (a view once past the threshold). */
  | { op: 'once'; signal: InteractionSignal; eventId: string }
  /** Takes a signal back (unlike, withdrawn rating, deleted comment). */
  | { op: 'withdraw'; personId: string; videoId: string; kind: SignalKind; sourceKey?: string };

/** The per-person signal table, written by the signals consumer. */
export abstract class RecommendationSignals {
  /** Applies a change; for `add`, the value stored before and after. */
  abstract apply(change: SignalChange): Promise<{ before: number; after: number }>;
  /** A deleted comment's signal, whoever it was of. */
  abstract withdrawComment(commentId: string): Promise<{ personId: string } | null>;
  /**
   * The video the person watched last before `videoId`, if its progress came at or after `since`, its watch time
   * stayed under `maxSeconds` and nothing says they wanted it (a completion, like, save or an earlier skip).
   */
  abstract abandonedBefore(query: {
    personId: string;
    videoId: string;
    since: Date;
    maxSeconds: number;
  }): Promise<string | null>;
}

/** A published, visible video as a list shows it, with what decides whether the viewer may play it. */
export interface RecommendableVideo extends VideoFeatures {
  channelId: string;
  accessLevel: string;
  /** Until when only `early_access` holders may play it (null: no window, or over). */
  earlyAccessUntil: Date | null;
}

export interface PersonSignals {
  signals: InteractionSignal[];
  followedCreators: string[];
  hiddenCreators: string[];
}

export interface CandidateFilter {
  category?: string;
  creatorId?: string;
}

/** What serving reads before ranking (all SQL, no ranking in storage). */
export abstract class RecommendationReadModel {
  /** The person's most recent signals, their follows and whom they block, mute or are blocked by. */
  abstract personSignals(personId: string, limit: number): Promise<PersonSignals>;
  /** Stored co-watch and content neighbours of each video (absent: none computed yet). */
  abstract neighbours(
    videoIds: string[],
  ): Promise<{ coWatch: Map<string, Neighbor[]>; content: Map<string, Neighbor[]> }>;
  /** The published, visible videos among these ids (sanctioned creators' left out). */
  abstract videos(videoIds: string[]): Promise<Map<string, RecommendableVideo>>;
  /** Eligible videos by trending score, then people who interacted, then recency. */
  abstract popular(limit: number, filter: CandidateFilter): Promise<Array<{ videoId: string; score: number }>>;
  /** The latest published videos, newest first. */
  abstract newest(limit: number, filter: CandidateFilter): Promise<string[]>;
  /** The 24 h trending videos, best first. */
  abstract trending(limit: number, filter: CandidateFilter): Promise<string[]>;
  /** The newest videos of creators the person follows. */
  abstract fromFollowed(personId: string, limit: number): Promise<string[]>;
}

/** The cache owner of lists shared by everyone (popular candidates); the neighbour job forgets it. */
export const SHARED_CACHE_OWNER = 'shared';
/** The cache owner of logged-out lists. */
export const ANONYMOUS_CACHE_OWNER = 'anonymous';

/** Per-person (and anonymous) lists in a short-lived cache, forgotten when the person interacts. */
export abstract class RecommendationCache {
  abstract get<T>(owner: string, key: string): Promise<T | undefined>;
  abstract set(owner: string, key: string, value: unknown): Promise<void>;
  abstract forget(owner: string): Promise<void>;
}

export interface CoCounts {
  pairs: Array<{ a: string; b: string; people: number }>;
  people: Map<string, number>;
}

/** A new signal the neighbour job folds into co-watch counts. */
export interface CoWatchSignal {
  personId: string;
  videoId: string;
  kind: SignalKind;
  value: number;
  at: Date;
}

/** The neighbour job's storage: signals since its cursor, co-watch counts, features, neighbour lists. */
export abstract class NeighbourStore {
  /** Serialises runs (held until the transaction ends). */
  abstract lock(): Promise<void>;
  /**
   * About `limit` signals committed since the cursor (whole transactions), the position to save once
   * they are folded in, and whether more were committed before this snapshot.
   */
  abstract signalsSinceCursor(limit: number): Promise<{ signals: CoWatchSignal[]; position: string; more: boolean }>;
  abstract saveCursor(position: string): Promise<void>;
  /**
   * Adds each (person, video) to the co-watch members once; for each one new, pairs it with up to
   * `partners` of the person's most recent other videos. Answers the videos that gained members
   * and the pairs whose counts moved.
   */
  abstract addMembers(
    members: Array<{ personId: string; videoId: string; at: Date }>,
    partners: number,
  ): Promise<{ fresh: string[]; pairs: Array<{ a: string; b: string }> }>;
  /** Up to `perVideo` pairs of each video (most people first), and the people count of every video in them. */
  abstract coCounts(videoIds: string[], perVideo: number): Promise<CoCounts>;
  /** Marks videos whose co-watch lists must be recomputed (their pairs moved). */
  abstract markDirty(videoIds: string[]): Promise<void>;
  /** Takes up to `limit` marked videos off the mark (the transaction's rollback puts them back). */
  abstract takeDirty(limit: number): Promise<string[]>;
  /** Every published, visible video's features (the content index is built from all of them). */
  abstract allFeatures(): Promise<VideoFeatures[]>;
  /** Eligible videos whose features changed after their content list was computed (or that have none). */
  abstract staleContent(limit: number): Promise<string[]>;
  abstract saveNeighbours(kind: 'co_watch' | 'content', lists: Map<string, Neighbor[]>, at: Date): Promise<void>;
}
