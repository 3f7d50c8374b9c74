/** The sanctions in force on one account; trust & safety is where they are decided and kept. */
export interface AccountSanction {
  userId: string;
  mutedUntil: Date | null;
  suspendedAt: Date | null;
  bannedAt: Date | null;
}

/** Trust levels from what identity knows today: account age (trust scores come later). */
export function trustLevelFor(accountCreatedAt: Date | null, now: Date): 0 | 1 | 2 {
  if (!accountCreatedAt) return 0;
  const days = (now.getTime() - accountCreatedAt.getTime()) / 86_400_000;
  return days < 1 ? 0 : days < 30 ? 1 : 2;
}

export abstract class AccountSanctionRepository {
  abstract of(userId: string): Promise<AccountSanction | null>;
  abstract muteUntil(userId: string, until: Date, at: Date): Promise<void>;
  abstract suspend(userId: string, at: Date): Promise<void>;
  abstract ban(userId: string, at: Date): Promise<void>;
  /** Ends a sanction in force (a timeout early, a suspension, a ban); false when there was none. */
  abstract lift(userId: string, sanction: 'timeout' | 'suspension' | 'ban', at: Date): Promise<boolean>;
}
