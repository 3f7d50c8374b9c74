export interface WatchEntryView {
  id: string;
  videoId: string;
  title: string;
  channelId: string;
  positionSeconds: number;
  durationSeconds: number | null;
  /** 0–1; null when the length is unknown. */
  progress: number | null;
  completed: boolean;
  lastWatchedAt: string;
}

/** The caller's history as lists, over videos that are still published. Newest first, keyset on (last watched, id). */
export abstract class WatchHistoryReadModel {
  abstract history(userId: string, limit: number, after?: { at: Date; id: string }): Promise<WatchEntryView[]>;
  /** Started and not finished. */
  abstract continueWatching(userId: string, limit: number, after?: { at: Date; id: string }): Promise<WatchEntryView[]>;
}
