/** What identity tells other contexts about an account. */
export interface AccountFacts {
  userId: string;
  createdAt: Date;
}

/**
 * Identity's synchronous port for other contexts: whether an account exists (trust & safety checks a
 * reported user and derives trust levels from account age) and ending every session of a banned account.
 */
export abstract class AccountDirectory {
  /** The account's facts, or null when there is no such account. */
  abstract accountOf(userId: string): Promise<AccountFacts | null>;
  /**
   * Ends every session and API key of the account in the caller's transaction; once it commits, the
   * sessions' access tokens are refused and their open sockets close on every node.
   */
  abstract endAllSessions(userId: string): Promise<void>;
}
