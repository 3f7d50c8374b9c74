/** Port: the read side of scheduled publishing (what is due, what should have a delayed job). */
export abstract class PublishingSchedule {
  /** Scheduled videos whose time has come, oldest first, at most `limit`. */
  abstract dueIds(now: Date, limit: number): Promise<string[]>;
  abstract scheduled(): Promise<Array<{ id: string; scheduledAt: Date }>>;
}
