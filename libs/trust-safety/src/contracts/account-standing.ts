/** How far the platform trusts an account; levels gate capabilities (see the trust-safety README). */
export const TRUST_LEVELS = [0, 1, 2, 3, 4] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** What an account may do right now: its trust level, its limits and any sanction in force. */
export interface AccountStanding {
  userId: string;
  trustLevel: TrustLevel;
  /** Set while a timeout mutes the account on messages, comments and chat. */
  mutedUntil: string | null;
  suspended: boolean;
  banned: boolean;
  limits: {
    /** Most @mentions one text may carry. */
    maxMentions: number;
    mayPostLinks: boolean;
    /** Whether the account may start conversations with people who do not follow it. */
    mayMessageNonFollowers: boolean;
  };
}

/** Trust & safety's synchronous answer to "may this account do this now". */
export abstract class AccountStandings {
  abstract standingOf(userId: string): Promise<AccountStanding>;
}
