/** What trust & safety lets an account do with comments right now. */
export interface CommenterStanding {
  /** Most distinct @mentions one comment may carry. */
  maxMentions: number;
  /** Set while a timeout is in force: no comments until then. */
  mutedUntil: Date | null;
}

/** Engagement's view of trust & safety's `AccountStandings` (see infrastructure/comments/trust-safety-commenter-standings.ts). */
export abstract class CommenterStandings {
  abstract standingOf(userId: string): Promise<CommenterStanding>;
}
