import type { AccountSanction } from '../../domain/standing/account-sanction.js';
import {
  effectiveLevel,
  LIMITS_BY_LEVEL,
  type AccountTrustRecord,
  type ScoredTrustLevel,
  type TrustInputs,
} from '../../domain/trust-scores/trust-score.js';

/** What a moderator sees of one account: trust score, its inputs, the level and pin, sanctions in force. */
export interface AccountModerationView {
  userId: string;
  trust: {
    score: number;
    inputs: TrustInputs;
    computedLevel: ScoredTrustLevel;
    level: ScoredTrustLevel;
    pin: { level: ScoredTrustLevel; pinnedBy: string; reason: string; pinnedAt: string } | null;
    limits: (typeof LIMITS_BY_LEVEL)[ScoredTrustLevel];
    computedAt: string | null;
  };
  sanctions: { mutedUntil: string | null; suspendedAt: string | null; bannedAt: string | null };
}

export function toAccountModerationView(
  userId: string,
  record: AccountTrustRecord,
  sanction: AccountSanction | null,
  now = new Date(),
): AccountModerationView {
  const level = effectiveLevel(record);
  const mutedUntil = sanction?.mutedUntil && sanction.mutedUntil > now ? sanction.mutedUntil : null;
  return {
    userId,
    trust: {
      score: record.score,
      inputs: record.inputs,
      computedLevel: record.level,
      level,
      pin: record.pin
        ? {
            level: record.pin.level,
            pinnedBy: record.pin.by,
            reason: record.pin.reason,
            pinnedAt: record.pin.at.toISOString(),
          }
        : null,
      limits: { ...LIMITS_BY_LEVEL[level] },
      computedAt: record.computedAt.getTime() ? record.computedAt.toISOString() : null,
    },
    sanctions: {
      mutedUntil: mutedUntil?.toISOString() ?? null,
      suspendedAt: sanction?.suspendedAt?.toISOString() ?? null,
      bannedAt: sanction?.bannedAt?.toISOString() ?? null,
    },
  };
}
