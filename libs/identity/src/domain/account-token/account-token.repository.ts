import type { AccountToken, AccountTokenClaim, AccountTokenPurpose } from './account-token.js';

export abstract class AccountTokenRepository {
  abstract add(token: AccountToken): Promise<void>;
  /** Marks the token used, atomically, if it has this purpose, is unused and has not expired. */
  abstract claim(id: string, purpose: AccountTokenPurpose): Promise<AccountTokenClaim>;
  /** The token as it stands, without using it (unknown, used and expired ones too). */
  abstract find(id: string, purpose: AccountTokenPurpose): Promise<(AccountToken & { usedAt: Date | null }) | null>;
  /** Uses up every outstanding token of this purpose for the user (after a reset, older links die). */
  abstract expireOutstanding(userId: string, purpose: AccountTokenPurpose): Promise<void>;
  /** Deletes tokens (used or not) that expired before the cutoff; answers how many. */
  abstract deleteExpiredBefore(cutoff: Date): Promise<number>;
}
