/** One row of the raw event log, client or domain. */
export interface StoredEvent {
  eventId: string;
  occurredAt: Date;
  receivedAt: Date;
  name: string;
  source: 'client' | 'domain';
  sessionId: string | null;
  userId: string | null;
  viewerKey: string | null;
  videoId: string | null;
  channelId: string | null;
  creatorId: string | null;
  properties: Record<string, unknown>;
  device: string | null;
  os: string | null;
  country: string | null;
  referrer: string | null;
  trafficSource: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  positionPct: number | null;
  watchSeconds: number | null;
  amountCents: number | null;
}

export interface VideoFacts {
  channelId: string;
  creatorId: string;
  durationSeconds: number | null;
}

/** The durable, idempotent raw event log. */
export abstract class EventStore {
  /**
   * Writes the events whose id was never stored, in one committed statement; resolves only once
   * they are durable. Returns the ids written (the others were duplicates).
   */
  abstract append(events: StoredEvent[]): Promise<Set<string>>;
  abstract videoFacts(videoIds: string[]): Promise<Map<string, VideoFacts>>;
}

/** Builds rollups from raw events; every build replaces its buckets, so runs are repeatable. */
export abstract class RollupBuilder {
  abstract rebuildHour(hour: Date): Promise<void>;
  /** Rebuilds the UTC day from its hourly rollups (and the day's active users from raw events). */
  abstract rebuildDay(day: Date): Promise<void>;
  /** Takes up to `limit` hours marked stale by late or consumed events: unmarks them and records them as being built. */
  abstract takeDirtyHours(limit: number): Promise<Date[]>;
  /** The taken hours are built: no longer in progress. */
  abstract finishBuilds(hours: Date[]): Promise<void>;
  /** Marks hours stale again (a rebuild that failed after taking them), no longer in progress. */
  abstract markDirty(hours: Date[]): Promise<void>;
  /** Whether another runner is building hours it took less than `staleAfterMs` ago. */
  abstract buildsInProgress(staleAfterMs: number): Promise<boolean>;
}

/** Creates partitions ahead and drops those past retention. */
export abstract class PartitionMaintenance {
  abstract ensureAhead(now: Date, daysAhead: number): Promise<number>;
  abstract dropExpired(now: Date, retentionDays: number): Promise<number>;
}

/** Viewers watching now and events per minute, kept outside PostgreSQL (best effort, never on the ack path). */
export abstract class LiveCounters {
  abstract record(events: StoredEvent[]): void;
}
