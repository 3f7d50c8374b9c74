import type { WatchEntry, WatchHistorySettings } from './watch-entry.js';

export abstract class WatchEntryRepository {
  /** The person's entry for the video, locked for this transaction (null: never watched). */
  abstract lockFor(userId: string, videoId: string): Promise<WatchEntry | null>;
  abstract add(entry: WatchEntry): void;
  /** Deletes one of the person's entries; false when they have no such entry. */
  abstract remove(userId: string, entryId: string): Promise<boolean>;
  /** Deletes the person's whole history; answers how many entries went. */
  abstract clear(userId: string): Promise<number>;
}

export abstract class WatchHistorySettingsRepository {
  abstract of(userId: string): Promise<WatchHistorySettings>;
  abstract save(settings: WatchHistorySettings): Promise<void>;
}
