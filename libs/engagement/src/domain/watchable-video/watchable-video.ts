/** Where a video stands for fans, as studio last announced it. */
export type WatchableVideoStatus = 'published' | 'unpublished' | 'deleted';

/**
 * Engagement's copy of a video studio published: enough to decide whether a fan may like, rate,
 * list or watch it, and to tell which channel a fact belongs to. Kept from studio's events.
 */
export class WatchableVideo {
  constructor(
    readonly videoId: string,
    public channelId: string,
    public creatorId: string,
    public title: string,
    /** `free`, or the billing entitlement that unlocks it. */
    public accessLevel: string,
    public earlyAccessDays: number | null,
    public publishedAt: Date,
    public durationSeconds: number | null,
    public status: WatchableVideoStatus,
    /** Studio's aggregate version of the last event applied: older events change nothing. */
    public studioVersion: number,
  ) {}

  get published(): boolean {
    return this.status === 'published';
  }

  /** While early access lasts, only `early_access` holders (and the team) may watch. */
  inEarlyAccess(now: Date = new Date()): boolean {
    if (!this.earlyAccessDays) return false;
    return now.getTime() < this.publishedAt.getTime() + this.earlyAccessDays * 86_400_000;
  }
}
